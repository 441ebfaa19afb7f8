package org.cmis.membership;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cmis.shared.BusinessTime;
import org.cmis.shared.CmisException;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.IdNumber;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way a member or a firm changes (F2.3, F2.4, F2.6): the supervision sync, the Excel import
 * and the personal-information page all come here. Each change takes the member's row lock, applies
 * only what differs, writes one history row per changed field (ID numbers masked) and publishes
 * {@link MemberChanged}. A {@code version} (the platform's, increasing per entity) not newer than
 * the stored one is ignored; a null version (an import, the member's own page) always applies.
 * Invalid data is refused with {@link CmisException} before anything is written, so a refusal
 * leaves the caller's transaction usable (it is not marked rollback-only): the sync goes on with
 * the batch's next event.
 */
@Service
public class MemberChanges {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  MemberChanges(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  /** Creates or updates a member with every platform-owned field. */
  @Transactional(noRollbackFor = CmisException.class)
  public ChangeOutcome upsert(MemberData data, @Nullable Long version, ChangedBy by) {
    MemberDataCheck.check(data, LocalDate.now(clock.withZone(BusinessTime.ZONE)));
    @Nullable Firm firm =
        data.firmNo() == null || data.firmNo().isEmpty() ? null : firm(data.firmNo());
    String institute =
        data.instituteCode() != null ? data.instituteCode() : firm == null ? "" : firm.institute();
    if (institute.isEmpty()) {
      throw CmisException.validation(
          java.util.List.of(new FieldError("instituteCode", "必填：非执业会员所属的协会")));
    }
    requireInstitute(institute);
    Optional<Stored> stored = lock(data.memberNo());
    if (stored.isEmpty()) {
      Long id =
          jdbc.sql(
                  "insert into member (member_no, name, gender, birth_date, id_number, mobile, email,"
                      + " position, partner, category, firm_id, institute_code, active, sync_version)"
                      + " values (:no, :name, :gender, :birth, :idNumber, :mobile, :email, :position,"
                      + " :partner, :category, :firmId, :institute, :active, :version)"
                      + " on conflict (member_no) do nothing returning id")
              .param("no", data.memberNo())
              .param("name", data.name())
              .param("gender", data.gender())
              .param("birth", data.birthDate())
              .param("idNumber", blankToNull(data.idNumber()))
              .param("mobile", orEmpty(data.mobile()))
              .param("email", orEmpty(data.email()))
              .param("position", orEmpty(data.position()))
              .param("partner", Boolean.TRUE.equals(data.partner()))
              .param("category", data.category().name())
              .param("firmId", firm == null ? null : firm.id())
              .param("institute", institute)
              .param("active", !Boolean.FALSE.equals(data.active()))
              .param("version", version == null ? 0 : version)
              .query(Long.class)
              .optional()
              .orElse(null);
      if (id != null) {
        Map<String, String[]> created = diff(Stored.NONE, data, firm, institute);
        record(id, created, by);
        publish(
            data.memberNo(),
            created,
            new Now(
                data.name(),
                firm == null ? null : data.firmNo(),
                institute,
                orEmpty(data.mobile()),
                orEmpty(data.email()),
                !Boolean.FALSE.equals(data.active())));
        return ChangeOutcome.APPLIED;
      }
      stored = lock(data.memberNo());
    }
    Stored old = stored.orElseThrow();
    if (version != null && version <= old.version()) {
      return ChangeOutcome.IGNORED;
    }
    Map<String, String[]> changed = diff(old, data, firm, institute);
    boolean active = data.active() == null ? old.active() : data.active();
    String mobile = data.mobile() == null ? old.mobile() : data.mobile();
    String email = data.email() == null ? old.email() : data.email();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("name", data.name());
    params.put("gender", data.gender());
    params.put("birth", data.birthDate());
    params.put("idNumber", data.idNumber() == null ? old.idNumber() : blankToNull(data.idNumber()));
    params.put("mobile", mobile);
    params.put("email", email);
    params.put("position", data.position() == null ? orEmpty(old.position()) : data.position());
    params.put("partner", data.partner() == null ? old.partner() : data.partner());
    params.put("category", data.category().name());
    params.put("firmId", firm == null ? null : firm.id());
    params.put("institute", institute);
    params.put("active", active);
    params.put("version", version == null ? 0 : version);
    params.put("id", old.id());
    String update =
        "update member set name = :name, gender = :gender, birth_date = :birth,"
            + " id_number = :idNumber, mobile = :mobile, email = :email, position = :position,"
            + " partner = :partner, category = :category, firm_id = :firmId,"
            + " institute_code = :institute, active = :active,"
            + " sync_version = greatest(sync_version, :version) where id = :id";
    if (changed.isEmpty()) {
      jdbc.sql(update).params(params).update();
      return ChangeOutcome.UNCHANGED;
    }
    // the update and its history rows in one round trip
    String history = historyInsert(old.id(), changed, by, params);
    jdbc.sql("with u as (" + update + " returning 1) " + history).params(params).update();
    publish(
        data.memberNo(),
        changed,
        new Now(
            data.name(), firm == null ? null : data.firmNo(), institute, mobile, email, active));
    return ChangeOutcome.APPLIED;
  }

  /**
   * Moves a member to another firm (转所, MEMBER_TRANSFER): its number, hours and registrations stay
   * its own; its institute becomes the new firm's. {@code fromFirmNo}, when given, must be the
   * member's firm now.
   */
  @Transactional(noRollbackFor = CmisException.class)
  public ChangeOutcome transfer(
      String memberNo,
      @Nullable String fromFirmNo,
      String toFirmNo,
      @Nullable Long version,
      ChangedBy by) {
    Stored old =
        lock(memberNo)
            .orElseThrow(() -> new CmisException(ErrorCode.UNKNOWN_MEMBER, "error.UNKNOWN_MEMBER"));
    if (version != null && version <= old.version()) {
      return ChangeOutcome.IGNORED;
    }
    if (old.category() == MemberCategory.NON_PRACTISING) {
      throw CmisException.validation(
          java.util.List.of(new FieldError("memberNo", "非执业会员不属于事务所，不能转所")));
    }
    if (fromFirmNo != null && !fromFirmNo.equals(old.firmNo())) {
      throw CmisException.validation(
          java.util.List.of(new FieldError("fromFirmNo", "与该人员现在所在的事务所不符")));
    }
    Firm to = firm(toFirmNo);
    Map<String, String[]> changed = new LinkedHashMap<>();
    put(changed, "firmNo", old.firmNo(), toFirmNo);
    put(changed, "instituteCode", old.institute(), to.institute());
    jdbc.sql(
            "update member set firm_id = :firmId, institute_code = :institute,"
                + " sync_version = greatest(sync_version, :version) where id = :id")
        .param("firmId", to.id())
        .param("institute", to.institute())
        .param("version", version == null ? 0 : version)
        .param("id", old.id())
        .update();
    if (changed.isEmpty()) {
      return ChangeOutcome.UNCHANGED;
    }
    record(old.id(), changed, by);
    publish(
        memberNo,
        changed,
        new Now(
            orEmpty(old.name()),
            toFirmNo,
            to.institute(),
            old.mobile(),
            old.email(),
            old.active()));
    return ChangeOutcome.APPLIED;
  }

  /** A member's own fields (F2.3): mobile, email and mailing address. */
  @Transactional(noRollbackFor = CmisException.class)
  public ChangeOutcome changeLocal(String memberNo, LocalContact contact, ChangedBy by) {
    MemberDataCheck.check(contact);
    Stored old =
        lock(memberNo).orElseThrow(() -> new CmisException(ErrorCode.NOT_FOUND, "error.NOT_FOUND"));
    Map<String, String[]> changed = new LinkedHashMap<>();
    put(changed, "mobile", old.mobile(), contact.mobile());
    put(changed, "email", old.email(), contact.email());
    put(changed, "address", old.address(), contact.address());
    if (changed.isEmpty()) {
      return ChangeOutcome.UNCHANGED;
    }
    jdbc.sql(
            "update member set mobile = :mobile, email = :email, address = :address where id = :id")
        .param("mobile", contact.mobile())
        .param("email", contact.email())
        .param("address", contact.address())
        .param("id", old.id())
        .update();
    record(old.id(), changed, by);
    publish(
        memberNo,
        changed,
        new Now(
            orEmpty(old.name()),
            old.firmNo(),
            orEmpty(old.institute()),
            contact.mobile(),
            contact.email(),
            old.active()));
    return ChangeOutcome.APPLIED;
  }

  /**
   * Creates or updates a firm (FIRM_UPSERT); its people keep their own institute until they change.
   */
  @Transactional(noRollbackFor = CmisException.class)
  public ChangeOutcome upsertFirm(FirmData data, @Nullable Long version, ChangedBy by) {
    MemberDataCheck.check(data);
    lookups().firms.remove(data.firmNo());
    requireInstitute(data.instituteCode());
    String creditCode = blankToNull(data.creditCode());
    if (creditCode != null) {
      boolean taken =
          jdbc.sql(
                  "select exists (select 1 from firm where credit_code = :code and firm_no <> :no)")
              .param("code", creditCode)
              .param("no", data.firmNo())
              .query(Boolean.class)
              .single();
      if (taken) {
        throw CmisException.validation(
            java.util.List.of(new FieldError("creditCode", "该统一社会信用代码已属于另一家事务所")));
      }
    }
    int inserted =
        jdbc.sql(
                "insert into firm (firm_no, name, credit_code, institute_code, sync_version)"
                    + " values (:no, :name, :code, :institute, :version)"
                    + " on conflict (firm_no) do nothing")
            .param("no", data.firmNo())
            .param("name", data.name())
            .param("code", creditCode)
            .param("institute", data.instituteCode())
            .param("version", version == null ? 0 : version)
            .update();
    if (inserted == 1) {
      return ChangeOutcome.APPLIED;
    }
    record FirmRow(
        long id, String name, @Nullable String creditCode, String institute, long version) {}
    FirmRow old =
        jdbc.sql(
                "select id, name, credit_code, institute_code, sync_version from firm"
                    + " where firm_no = :no for update")
            .param("no", data.firmNo())
            .query(
                (rs, row) ->
                    new FirmRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5)))
            .single();
    if (version != null && version <= old.version()) {
      return ChangeOutcome.IGNORED;
    }
    boolean same =
        old.name().equals(data.name())
            && Objects.equals(old.creditCode(), creditCode)
            && old.institute().equals(data.instituteCode());
    jdbc.sql(
            "update firm set name = :name, credit_code = :code, institute_code = :institute,"
                + " sync_version = greatest(sync_version, :version) where id = :id")
        .param("name", data.name())
        .param("code", creditCode)
        .param("institute", data.instituteCode())
        .param("version", version == null ? 0 : version)
        .param("id", old.id())
        .update();
    return same ? ChangeOutcome.UNCHANGED : ChangeOutcome.APPLIED;
  }

  /**
   * Creates or updates many members at once for an import (F2.6, ADR 0029), with exactly the
   * outcome of calling {@link #upsert} (version null) for each in turn, in fewer statements: the
   * firms and institutes are read once, the existing members locked in number order 1,000 at a
   * time, new members inserted and history rows written 500 and 1,000 at a time, and a member with
   * nothing to change not written at all. Any refusal aborts the whole call (the caller's
   * transaction rolls back); the import then finds the refused row with {@link #upsert}.
   */
  @Transactional
  public List<ChangeOutcome> upsertAll(List<MemberData> rows, ChangedBy by) {
    LocalDate today = LocalDate.now(clock.withZone(BusinessTime.ZONE));
    rows.forEach(d -> MemberDataCheck.check(d, today));
    Map<String, Firm> firms = new HashMap<>();
    for (List<String> chunk :
        chunks(
            rows.stream().map(MemberData::firmNo).filter(f -> f != null && !f.isEmpty()).toList(),
            1000)) {
      jdbc.sql("select firm_no, id, institute_code from firm where firm_no in (:nos)")
          .param("nos", chunk)
          .query((rs, n) -> firms.put(rs.getString(1), new Firm(rs.getLong(2), rs.getString(3))))
          .list();
    }
    Set<String> institutes =
        new HashSet<>(jdbc.sql("select code from institute").query(String.class).list());
    List<String> nos = rows.stream().map(MemberData::memberNo).distinct().sorted().toList();
    if (nos.size() != rows.size()) {
      throw CmisException.validation(List.of(new FieldError("memberNo", "同一人员出现多次")));
    }
    Map<String, Stored> stored = new HashMap<>();
    for (List<String> chunk : chunks(nos, 1000)) {
      jdbc.sql(
              "select m.id, m.name, m.gender, m.birth_date, m.id_number, m.category, f.firm_no,"
                  + " m.institute_code, m.position, m.mobile, m.email, m.address, m.partner,"
                  + " m.active, m.sync_version, m.member_no from member m"
                  + " left join firm f on f.id = m.firm_id where m.member_no in (:nos)"
                  + " order by m.member_no for update of m")
          .param("nos", chunk)
          .query((rs, n) -> stored.put(rs.getString("member_no"), stored(rs)))
          .list();
    }
    List<ChangeOutcome> outcomes = new ArrayList<>();
    List<MemberData> created = new ArrayList<>();
    Map<String, Firm> firmOf = new HashMap<>();
    Map<String, String> instituteOf = new HashMap<>();
    List<Object[]> history = new ArrayList<>(); // memberId, field, old, new
    for (MemberData data : rows) {
      Firm firm = null;
      if (data.firmNo() != null && !data.firmNo().isEmpty()) {
        firm = firms.get(data.firmNo());
        if (firm == null) {
          throw new CmisException(ErrorCode.UNKNOWN_FIRM, "error.UNKNOWN_FIRM");
        }
      }
      String institute =
          data.instituteCode() != null
              ? data.instituteCode()
              : firm == null ? "" : firm.institute();
      if (institute.isEmpty()) {
        throw CmisException.validation(List.of(new FieldError("instituteCode", "必填：非执业会员所属的协会")));
      }
      if (!institutes.contains(institute)) {
        throw new CmisException(ErrorCode.UNKNOWN_INSTITUTE, "error.UNKNOWN_INSTITUTE");
      }
      Stored old = stored.get(data.memberNo());
      if (old == null) {
        created.add(data);
        firmOf.put(data.memberNo(), firm);
        instituteOf.put(data.memberNo(), institute);
        outcomes.add(ChangeOutcome.APPLIED);
        continue;
      }
      Map<String, String[]> changed = diff(old, data, firm, institute);
      if (changed.isEmpty()) {
        outcomes.add(ChangeOutcome.UNCHANGED);
        continue;
      }
      boolean active = data.active() == null ? old.active() : data.active();
      jdbc.sql(
              "update member set name = :name, gender = :gender, birth_date = :birth,"
                  + " id_number = :idNumber, mobile = :mobile, email = :email,"
                  + " position = :position, partner = :partner, category = :category,"
                  + " firm_id = :firmId, institute_code = :institute, active = :active"
                  + " where id = :id")
          .param("name", data.name())
          .param("gender", data.gender())
          .param("birth", data.birthDate())
          .param(
              "idNumber", data.idNumber() == null ? old.idNumber() : blankToNull(data.idNumber()))
          .param("mobile", data.mobile() == null ? old.mobile() : data.mobile())
          .param("email", data.email() == null ? old.email() : data.email())
          .param("position", data.position() == null ? old.position() : data.position())
          .param("partner", data.partner() == null ? old.partner() : data.partner())
          .param("category", data.category().name())
          .param("firmId", firm == null ? null : firm.id())
          .param("institute", institute)
          .param("active", active)
          .param("id", old.id())
          .update();
      changed.forEach((f, v) -> history.add(new Object[] {old.id(), f, v[0], v[1]}));
      publish(
          data.memberNo(),
          changed,
          new Now(
              data.name(),
              firm == null ? null : data.firmNo(),
              institute,
              data.mobile() == null ? old.mobile() : data.mobile(),
              data.email() == null ? old.email() : data.email(),
              active));
      outcomes.add(ChangeOutcome.APPLIED);
    }
    for (List<MemberData> chunk : chunks(created, 5000)) {
      Map<String, Long> ids = new HashMap<>();
      jdbc.sql(
              "insert into member (member_no, name, gender, birth_date, id_number, mobile, email,"
                  + " position, partner, category, firm_id, institute_code, active)"
                  + " select p.no, p.name, p.gender, cast(p.birth as date), p.id, p.mobile,"
                  + " p.email, p.position, cast(p.partner as boolean), p.category,"
                  + " cast(p.firm as bigint), p.institute, cast(p.active as boolean)"
                  + " from unnest(cast(:nos as text[]), cast(:names as text[]),"
                  + " cast(:genders as text[]), cast(:births as text[]), cast(:ids as text[]),"
                  + " cast(:mobiles as text[]), cast(:emails as text[]),"
                  + " cast(:positions as text[]), cast(:partners as text[]),"
                  + " cast(:categories as text[]), cast(:firms as text[]),"
                  + " cast(:institutes as text[]), cast(:actives as text[]))"
                  + " as p (no, name, gender, birth, id, mobile, email, position, partner,"
                  + " category, firm, institute, active)"
                  + " on conflict (member_no) do nothing returning member_no, id")
          .param("nos", column(chunk, MemberData::memberNo))
          .param("names", column(chunk, MemberData::name))
          .param("genders", column(chunk, MemberData::gender))
          .param("births", column(chunk, d -> str(d.birthDate())))
          .param("ids", column(chunk, d -> blankToNull(d.idNumber())))
          .param("mobiles", column(chunk, d -> orEmpty(d.mobile())))
          .param("emails", column(chunk, d -> orEmpty(d.email())))
          .param("positions", column(chunk, d -> orEmpty(d.position())))
          .param("partners", column(chunk, d -> String.valueOf(Boolean.TRUE.equals(d.partner()))))
          .param("categories", column(chunk, d -> d.category().name()))
          .param(
              "firms",
              column(
                  chunk,
                  d -> {
                    Firm f = firmOf.get(d.memberNo());
                    return f == null ? null : Long.toString(f.id());
                  }))
          .param("institutes", column(chunk, d -> instituteOf.get(d.memberNo())))
          .param("actives", column(chunk, d -> String.valueOf(!Boolean.FALSE.equals(d.active()))))
          .query((rs, n) -> ids.put(rs.getString(1), rs.getLong(2)))
          .list();
      for (MemberData d : chunk) {
        Long id = ids.get(d.memberNo());
        if (id == null) { // created meanwhile by someone else: the import tries again row by row
          throw new CmisException(ErrorCode.BUSY, "error.BUSY");
        }
        Map<String, String[]> changed =
            diff(Stored.NONE, d, firmOf.get(d.memberNo()), instituteOf.get(d.memberNo()));
        changed.forEach((f, v) -> history.add(new Object[] {id, f, v[0], v[1]}));
        Firm firm = firmOf.get(d.memberNo());
        publish(
            d.memberNo(),
            changed,
            new Now(
                d.name(),
                firm == null ? null : d.firmNo(),
                instituteOf.get(d.memberNo()),
                orEmpty(d.mobile()),
                orEmpty(d.email()),
                !Boolean.FALSE.equals(d.active())));
      }
    }
    for (List<Object[]> chunk : chunks(history, 20000)) {
      jdbc.sql(
              "insert into member_history (member_id, changed_by, field, old_value, new_value)"
                  + " select cast(h.member as bigint), :by, h.field, h.old, h.new"
                  + " from unnest(cast(:members as text[]), cast(:fields as text[]),"
                  + " cast(:olds as text[]), cast(:news as text[])) as h (member, field, old, new)")
          .param("by", by.label())
          .param("members", column(chunk, h -> h[0].toString()))
          .param("fields", column(chunk, h -> (String) h[1]))
          .param("olds", column(chunk, h -> cut((String) h[2])))
          .param("news", column(chunk, h -> cut((String) h[3])))
          .update();
    }
    return outcomes;
  }

  private static <T> String[] column(
      List<T> rows, java.util.function.Function<T, @Nullable String> value) {
    String[] column = new String[rows.size()];
    for (int i = 0; i < column.length; i++) {
      column[i] = value.apply(rows.get(i));
    }
    return column;
  }

  private static <T> List<List<T>> chunks(List<T> all, int size) {
    List<List<T>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += size) {
      chunks.add(all.subList(i, Math.min(all.size(), i + size)));
    }
    return chunks;
  }

  private record Firm(long id, String institute) {}

  /**
   * Firms and institutes looked up in the current transaction (a sync batch asks for the same firms
   * again and again); a firm's entry is dropped when the firm changes.
   */
  private static final class Lookups {
    final Map<String, Firm> firms = new java.util.HashMap<>();
    final java.util.Set<String> institutes = new java.util.HashSet<>();
  }

  private static final Object LOOKUPS = new Object();

  private Lookups lookups() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return new Lookups();
    }
    Lookups found = (Lookups) TransactionSynchronizationManager.getResource(LOOKUPS);
    if (found == null) {
      Lookups fresh = new Lookups();
      TransactionSynchronizationManager.bindResource(LOOKUPS, fresh);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(LOOKUPS);
            }
          });
      return fresh;
    }
    return found;
  }

  private Firm firm(String firmNo) {
    Lookups lookups = lookups();
    Firm known = lookups.firms.get(firmNo);
    if (known != null) {
      return known;
    }
    Firm firm =
        jdbc.sql("select id, institute_code from firm where firm_no = :no")
            .param("no", firmNo)
            .query((rs, row) -> new Firm(rs.getLong(1), rs.getString(2)))
            .optional()
            .orElseThrow(() -> new CmisException(ErrorCode.UNKNOWN_FIRM, "error.UNKNOWN_FIRM"));
    lookups.firms.put(firmNo, firm);
    return firm;
  }

  private void requireInstitute(String code) {
    Lookups lookups = lookups();
    if (lookups.institutes.contains(code)) {
      return;
    }
    boolean known =
        jdbc.sql("select exists (select 1 from institute where code = :code)")
            .param("code", code)
            .query(Boolean.class)
            .single();
    if (!known) {
      throw new CmisException(ErrorCode.UNKNOWN_INSTITUTE, "error.UNKNOWN_INSTITUTE");
    }
    lookups.institutes.add(code);
  }

  /** A member's row as stored, locked for the rest of the transaction. */
  private record Stored(
      long id,
      @Nullable String name,
      @Nullable String gender,
      @Nullable LocalDate birthDate,
      @Nullable String idNumber,
      @Nullable MemberCategory category,
      @Nullable String firmNo,
      @Nullable String institute,
      @Nullable String position,
      String mobile,
      String email,
      String address,
      boolean partner,
      boolean active,
      long version) {
    static final Stored NONE =
        new Stored(0, null, null, null, null, null, null, null, null, "", "", "", false, true, 0);
  }

  private Optional<Stored> lock(String memberNo) {
    return jdbc.sql(
            "select m.id, m.name, m.gender, m.birth_date, m.id_number, m.category, f.firm_no,"
                + " m.institute_code, m.position, m.mobile, m.email, m.address, m.partner,"
                + " m.active, m.sync_version from member m left join firm f on f.id = m.firm_id"
                + " where m.member_no = :no for update of m")
        .param("no", memberNo)
        .query((rs, row) -> stored(rs))
        .optional();
  }

  /** A row of the two queries above (the member's columns and its firm's number). */
  private static Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Stored(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("gender"),
        rs.getObject("birth_date", LocalDate.class),
        rs.getString("id_number"),
        MemberCategory.valueOf(rs.getString("category")),
        rs.getString("firm_no"),
        rs.getString("institute_code"),
        rs.getString("position"),
        rs.getString("mobile"),
        rs.getString("email"),
        rs.getString("address"),
        rs.getBoolean("partner"),
        rs.getBoolean("active"),
        rs.getLong("sync_version"));
  }

  /** Field name → {old, new} of every platform-owned field that differs (ID numbers masked). */
  private static Map<String, String[]> diff(
      Stored old, MemberData data, @Nullable Firm firm, String institute) {
    Map<String, String[]> changed = new LinkedHashMap<>();
    put(changed, "name", old.name(), data.name());
    put(changed, "gender", old.gender(), data.gender());
    put(changed, "birthDate", str(old.birthDate()), str(data.birthDate()));
    String idNumber = blankToNull(data.idNumber());
    if (data.idNumber() != null && !Objects.equals(old.idNumber(), idNumber)) {
      changed.put("idNumber", new String[] {masked(old.idNumber()), masked(idNumber)});
    }
    put(
        changed,
        "category",
        old.category() == null ? null : old.category().name(),
        data.category().name());
    put(changed, "firmNo", old.firmNo(), firm == null ? null : data.firmNo());
    put(changed, "instituteCode", old.institute(), institute);
    if (data.position() != null) {
      put(changed, "position", old.position(), data.position());
    }
    if (data.mobile() != null) {
      put(changed, "mobile", old == Stored.NONE ? null : old.mobile(), data.mobile());
    }
    if (data.email() != null) {
      put(changed, "email", old == Stored.NONE ? null : old.email(), data.email());
    }
    if (data.partner() != null) {
      put(
          changed,
          "partner",
          old == Stored.NONE ? null : String.valueOf(old.partner()),
          String.valueOf(data.partner()));
    }
    if (data.active() != null) {
      put(
          changed,
          "active",
          old == Stored.NONE ? null : String.valueOf(old.active()),
          String.valueOf(data.active()));
    }
    return changed;
  }

  private static void put(
      Map<String, String[]> changed, String field, @Nullable String from, @Nullable String to) {
    String a = from == null || from.isEmpty() ? null : from;
    String b = to == null || to.isEmpty() ? null : to;
    if (!Objects.equals(a, b)) {
      changed.put(field, new String[] {a, b});
    }
  }

  private void record(long memberId, Map<String, String[]> changed, ChangedBy by) {
    if (changed.isEmpty()) {
      return;
    }
    Map<String, Object> params = new LinkedHashMap<>();
    jdbc.sql(historyInsert(memberId, changed, by, params)).params(params).update();
  }

  /** The insert of one history row per changed field; its parameters go into {@code params}. */
  private static String historyInsert(
      long memberId, Map<String, String[]> changed, ChangedBy by, Map<String, Object> params) {
    var rows = changed.entrySet().stream().toList();
    StringBuilder values = new StringBuilder();
    params.put("hMember", memberId);
    params.put("hBy", by.label());
    for (int i = 0; i < rows.size(); i++) {
      values
          .append(i == 0 ? "" : ", ")
          .append("(:hMember, :hBy, :f")
          .append(i)
          .append(", :o")
          .append(i)
          .append(", :n")
          .append(i)
          .append(")");
      params.put("f" + i, rows.get(i).getKey());
      params.put("o" + i, cut(rows.get(i).getValue()[0]));
      params.put("n" + i, cut(rows.get(i).getValue()[1]));
    }
    return "insert into member_history (member_id, changed_by, field, old_value, new_value) values "
        + values;
  }

  /** The member's fields after a change, as {@link MemberChanged} carries them. */
  private record Now(
      String name,
      @Nullable String firmNo,
      String institute,
      String mobile,
      String email,
      boolean active) {}

  private void publish(String memberNo, Map<String, String[]> changed, Now now) {
    events.publishEvent(
        new MemberChanged(
            memberNo,
            java.util.Set.copyOf(changed.keySet()),
            now.mobile(),
            now.email(),
            now.active(),
            now.name(),
            now.firmNo(),
            now.institute()));
  }

  private static String orEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }

  private static @Nullable String cut(@Nullable String value) {
    return value == null || value.length() <= 200 ? value : value.substring(0, 200);
  }

  private static @Nullable String masked(@Nullable String idNumber) {
    return idNumber == null ? null : IdNumber.mask(idNumber);
  }

  private static @Nullable String str(@Nullable LocalDate date) {
    return date == null ? null : date.toString();
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
