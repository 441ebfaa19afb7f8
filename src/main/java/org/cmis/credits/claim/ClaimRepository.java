package org.cmis.credits.claim;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.SqlLike;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Claims, their types and evidence, with explicit SQL (tables claim_type, claim, claim_evidence).
 */
@Repository
class ClaimRepository {

  private static final String COLUMNS =
      "c.id, c.member_no, c.member_name, c.firm_no, c.institute_code, c.type_code, t.name as"
          + " type_name, c.title, c.work_date, c.year, c.description, c.identifier, c.units,"
          + " c.authors, c.hours_claimed, c.hours_granted, c.status, c.reason, c.similar_to,"
          + " c.entry_id, c.submitted_at, c.decided_at, c.decided_by, c.created_at";
  private static final String FROM = " from claim c join claim_type t on t.code = c.type_code";

  private final JdbcClient jdbc;

  ClaimRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ---- types

  List<ClaimType> types() {
    return jdbc.sql("select * from claim_type order by sort_order, code")
        .query(ClaimRepository::type)
        .list();
  }

  Optional<ClaimType> type(String code) {
    return jdbc.sql("select * from claim_type where code = :code")
        .param("code", code)
        .query(ClaimRepository::type)
        .optional();
  }

  void saveType(ClaimType t, String by) {
    jdbc.sql(
            "insert into claim_type (code, name, mode, hours_per_unit, unit_label, max_per_claim,"
                + " yearly_cap, identifier_label, identifier_required, evidence_hint,"
                + " min_evidence, conditions, active, sort_order, updated_by) values (:code,"
                + " :name, :mode, :perUnit, :unit, :max, :cap, :idLabel, :idRequired, :hint,"
                + " :minEvidence, :conditions, :active, :sort, :by) on conflict (code) do update"
                + " set name = excluded.name, mode = excluded.mode, hours_per_unit ="
                + " excluded.hours_per_unit, unit_label = excluded.unit_label, max_per_claim ="
                + " excluded.max_per_claim, yearly_cap = excluded.yearly_cap, identifier_label ="
                + " excluded.identifier_label, identifier_required = excluded.identifier_required,"
                + " evidence_hint = excluded.evidence_hint, min_evidence = excluded.min_evidence,"
                + " conditions = excluded.conditions, active = excluded.active, sort_order ="
                + " excluded.sort_order, updated_by = excluded.updated_by, updated_at = now()")
        .param("code", t.code())
        .param("name", t.name())
        .param("mode", t.mode().name())
        .param("perUnit", t.hoursPerUnit())
        .param("unit", t.unitLabel())
        .param("max", t.maxPerClaim())
        .param("cap", t.yearlyCap())
        .param("idLabel", t.identifierLabel())
        .param("idRequired", t.identifierRequired())
        .param("hint", t.evidenceHint())
        .param("minEvidence", t.minEvidence())
        .param(
            "conditions",
            t.conditions().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
        .param("active", t.active())
        .param("sort", t.sortOrder())
        .param("by", by)
        .update();
  }

  private static ClaimType type(ResultSet rs, int row) throws SQLException {
    Set<ClaimType.Condition> conditions = EnumSet.noneOf(ClaimType.Condition.class);
    for (String c : rs.getString("conditions").split(",")) {
      if (!c.isBlank()) {
        conditions.add(ClaimType.Condition.valueOf(c.strip()));
      }
    }
    return new ClaimType(
        rs.getString("code"),
        rs.getString("name"),
        ClaimType.Mode.valueOf(rs.getString("mode")),
        rs.getBigDecimal("hours_per_unit"),
        rs.getString("unit_label"),
        rs.getBigDecimal("max_per_claim"),
        rs.getBigDecimal("yearly_cap"),
        rs.getString("identifier_label"),
        rs.getBoolean("identifier_required"),
        rs.getString("evidence_hint"),
        rs.getInt("min_evidence"),
        conditions,
        rs.getBoolean("active"),
        rs.getInt("sort_order"));
  }

  // ---- claims

  /** Who a new claim is of, copied into it. */
  record Owner(String memberNo, String name, @Nullable String firmNo, String instituteCode) {}

  long insert(Owner o, ClaimInput.Valid v) {
    return jdbc.sql(
            "insert into claim (member_no, member_name, firm_no, institute_code, type_code, title,"
                + " title_key, work_date, year, description, identifier, identifier_key, units,"
                + " authors, hours_claimed, status) values (:member, :name, :firm, :institute,"
                + " :type, :title, :titleKey, :date, :year, :description, :identifier, :idKey,"
                + " :units, :authors, :hours, 'DRAFT') returning id")
        .param("member", o.memberNo())
        .param("name", o.name())
        .param("firm", o.firmNo())
        .param("institute", o.instituteCode())
        .params(fields(v))
        .query(Long.class)
        .single();
  }

  void update(long id, Owner o, ClaimInput.Valid v) {
    jdbc.sql(
            "update claim set member_name = :name, firm_no = :firm, institute_code = :institute,"
                + " type_code = :type, title = :title, title_key = :titleKey, work_date = :date,"
                + " year = :year, description = :description, identifier = :identifier,"
                + " identifier_key = :idKey, units = :units, authors = :authors, hours_claimed ="
                + " :hours, updated_at = now() where id = :id")
        .param("id", id)
        .param("name", o.name())
        .param("firm", o.firmNo())
        .param("institute", o.instituteCode())
        .params(fields(v))
        .update();
  }

  private static Map<String, Object> fields(ClaimInput.Valid v) {
    Map<String, Object> p = new HashMap<>();
    p.put("type", v.type().code());
    p.put("title", v.title());
    p.put("titleKey", Duplicates.titleKey(v.title()));
    p.put("date", v.workDate());
    p.put("year", v.workDate().getYear());
    p.put("description", v.description());
    p.put("identifier", v.identifier());
    p.put("idKey", Duplicates.identifierKey(v.identifier()));
    p.put("units", v.units());
    p.put("authors", v.authors());
    p.put("hours", v.hoursClaimed());
    return p;
  }

  /** Sets the status (and what goes with it); the caller holds the row lock. */
  void status(
      long id,
      ClaimStatus status,
      String reason,
      @Nullable BigDecimal granted,
      @Nullable Long entryId,
      @Nullable String decidedBy) {
    jdbc.sql(
            "update claim set status = :status, reason = :reason, hours_granted = :granted,"
                + " entry_id = coalesce(:entry, entry_id), decided_by = :by, decided_at = case"
                + " when cast(:by as text) is null then null else now() end, updated_at = now() where id ="
                + " :id")
        .param("id", id)
        .param("status", status.name())
        .param("reason", reason)
        .param("granted", granted)
        .param("entry", entryId)
        .param("by", decidedBy)
        .update();
  }

  void submitted(long id, @Nullable Long similarTo) {
    jdbc.sql(
            "update claim set status = 'PENDING', reason = '', similar_to = :similar,"
                + " submitted_at = now(), decided_at = null, decided_by = null, hours_granted ="
                + " null, updated_at = now() where id = :id")
        .param("id", id)
        .param("similar", similarTo)
        .update();
  }

  Optional<Claim> find(long id) {
    return jdbc.sql("select " + COLUMNS + FROM + " where c.id = :id")
        .param("id", id)
        .query(ClaimRepository::claim)
        .optional()
        .map(c -> c.withEvidence(evidence(id)));
  }

  /** Locks a claim's row until the transaction ends (two reviews of one claim wait in turn). */
  Optional<Claim> lock(long id) {
    jdbc.sql("set local lock_timeout = '3s'").update();
    return jdbc.sql("select id from claim where id = :id for update")
        .param("id", id)
        .query(Long.class)
        .optional()
        .flatMap(x -> find(id));
  }

  /**
   * Serializes the submissions and approvals that count against one member's yearly cap of one type
   * (a transaction-scoped advisory lock), so that two at once cannot both fit the cap that only one
   * fits.
   */
  void lockCap(String memberNo, String type, int year) {
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
        .param("key", "claim-cap:" + memberNo + ":" + type + ":" + year)
        .query((rs, n) -> 1)
        .list();
  }

  /** Every claim of the member (newest first), without evidence. */
  List<Claim> ofMember(String memberNo) {
    return jdbc.sql("select " + COLUMNS + FROM + " where c.member_no = :m order by c.id desc")
        .param("m", memberNo)
        .query(ClaimRepository::claim)
        .list();
  }

  /**
   * The hours of the member's claims of the type in the year that count against the cap, other than
   * the claim {@code except}: granted ones (hours granted) and pending ones (hours claimed).
   */
  BigDecimal used(String memberNo, String type, int year, long except) {
    return jdbc.sql(
            "select coalesce(sum(case when status = 'PENDING' then hours_claimed else"
                + " hours_granted end), 0) from claim where member_no = :m and type_code = :t and"
                + " year = :y and id <> :except and status in ('PENDING', 'APPROVED', 'PARTIAL')")
        .param("m", memberNo)
        .param("t", type)
        .param("y", year)
        .param("except", except)
        .query(BigDecimal.class)
        .single();
  }

  /**
   * The hours granted to the member's claims of the type in the year, other than {@code except}.
   */
  BigDecimal granted(String memberNo, String type, int year, long except) {
    return jdbc.sql(
            "select coalesce(sum(hours_granted), 0) from claim where member_no = :m and type_code"
                + " = :t and year = :y and id <> :except and status in ('APPROVED', 'PARTIAL')")
        .param("m", memberNo)
        .param("t", type)
        .param("y", year)
        .param("except", except)
        .query(BigDecimal.class)
        .single();
  }

  /** What a list is filtered on; null fields do not filter. */
  record Filter(
      @Nullable String instituteCode,
      @Nullable String firmNo,
      @Nullable String memberNo,
      @Nullable String type,
      @Nullable ClaimStatus status,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      @Nullable String q,
      boolean drafts) {}

  PageResult<Claim> list(Filter f, Paging paging) {
    List<String> where = new ArrayList<>();
    Map<String, Object> p = new HashMap<>();
    if (f.instituteCode() != null) {
      where.add("c.institute_code = :institute");
      p.put("institute", f.instituteCode());
    }
    if (f.firmNo() != null) {
      where.add("c.firm_no = :firm");
      p.put("firm", f.firmNo());
    }
    if (f.memberNo() != null) {
      where.add("c.member_no = :member");
      p.put("member", f.memberNo());
    }
    if (f.type() != null) {
      where.add("c.type_code = :type");
      p.put("type", f.type());
    }
    if (f.status() != null) {
      where.add("c.status = :status");
      p.put("status", f.status().name());
    } else if (!f.drafts()) {
      where.add("c.status <> 'DRAFT'");
    }
    if (f.from() != null) {
      where.add("c.work_date >= :from");
      p.put("from", f.from());
    }
    if (f.to() != null) {
      where.add("c.work_date <= :to");
      p.put("to", f.to());
    }
    if (f.q() != null && !f.q().isBlank()) {
      where.add(
          "(c.title like :q escape '\\' or c.member_no like :q escape '\\' or c.member_name"
              + " like :q escape '\\')");
      p.put("q", SqlLike.contains(f.q()));
    }
    String w = where.isEmpty() ? "" : " where " + String.join(" and ", where);
    long total = jdbc.sql("select count(*)" + FROM + w).params(p).query(Long.class).single();
    List<Claim> items =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + FROM
                    + w
                    + " order by c.submitted_at nulls last, c.id limit :limit offset :offset")
            .params(p)
            .param("limit", paging.size())
            .param("offset", paging.offset())
            .query(ClaimRepository::claim)
            .list();
    return new PageResult<>(items, total, paging.page(), paging.size());
  }

  long pending(@org.jspecify.annotations.Nullable String instituteCode) {
    return jdbc.sql(
            "select count(*) from claim where (cast(:i as varchar) is null or institute_code = :i)"
                + " and status = 'PENDING'")
        .param("i", instituteCode)
        .query(Long.class)
        .single();
  }

  // ---- evidence

  List<Claim.Evidence> evidence(long claimId) {
    return jdbc.sql(
            "select id, filename, content_type, size_bytes from claim_evidence"
                + " where claim_id = :c order by id")
        .param("c", claimId)
        .query(
            (rs, n) ->
                new Claim.Evidence(
                    rs.getLong("id"),
                    rs.getString("filename"),
                    rs.getString("content_type"),
                    rs.getLong("size_bytes")))
        .list();
  }

  long addEvidence(long claimId, String filename, String contentType, byte[] content) {
    return jdbc.sql(
            "insert into claim_evidence (claim_id, filename, content_type, size_bytes, content)"
                + " values (:c, :f, :t, :s, :b) returning id")
        .param("c", claimId)
        .param("f", filename)
        .param("t", contentType)
        .param("s", content.length)
        .param("b", content)
        .query(Long.class)
        .single();
  }

  int removeEvidence(long claimId, long evidenceId) {
    return jdbc.sql("delete from claim_evidence where claim_id = :c and id = :id")
        .param("c", claimId)
        .param("id", evidenceId)
        .update();
  }

  /** An evidence file's content. */
  record EvidenceFile(String filename, String contentType, byte[] content) {}

  Optional<EvidenceFile> evidenceFile(long claimId, long evidenceId) {
    return jdbc.sql(
            "select filename, content_type, content from claim_evidence"
                + " where claim_id = :c and id = :id")
        .param("c", claimId)
        .param("id", evidenceId)
        .query(
            (rs, n) ->
                new EvidenceFile(
                    rs.getString("filename"), rs.getString("content_type"), rs.getBytes("content")))
        .optional();
  }

  private static Claim claim(ResultSet rs, int row) throws SQLException {
    return new Claim(
        rs.getLong("id"),
        rs.getString("member_no"),
        rs.getString("member_name"),
        rs.getString("firm_no"),
        rs.getString("institute_code"),
        rs.getString("type_code"),
        rs.getString("type_name"),
        rs.getString("title"),
        rs.getObject("work_date", LocalDate.class),
        rs.getInt("year"),
        rs.getString("description"),
        rs.getString("identifier"),
        rs.getBigDecimal("units"),
        rs.getInt("authors"),
        rs.getBigDecimal("hours_claimed"),
        rs.getBigDecimal("hours_granted"),
        ClaimStatus.valueOf(rs.getString("status")),
        rs.getString("reason"),
        rs.getObject("similar_to", Long.class),
        rs.getObject("entry_id", Long.class),
        rs.getObject("submitted_at", OffsetDateTime.class),
        rs.getObject("decided_at", OffsetDateTime.class),
        rs.getString("decided_by"),
        rs.getObject("created_at", OffsetDateTime.class),
        List.of());
  }
}
