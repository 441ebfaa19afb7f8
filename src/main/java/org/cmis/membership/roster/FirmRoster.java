package org.cmis.membership.roster;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cmis.membership.ChangedBy;
import org.cmis.membership.MemberCategory;
import org.cmis.membership.MemberChanges;
import org.cmis.membership.MemberData;
import org.cmis.shared.BusinessTime;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.IdNumber;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.Role;
import org.cmis.shared.SqlLike;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A firm's roster (F2.5, ADR 0028): who its people are, and the firm's own changes of its 从业人员. A
 * firm sees only its own people, staff the firms of their institute, administrators every firm;
 * only the firm itself adds, edits and deactivates, and only its 从业人员 (its CPAs come from the
 * supervision platform). Every change goes through {@link MemberChanges} as {@code
 * ChangedBy.firm(firmNo)}. An ID number is unique among active 从业人员: checked first for a clear
 * message, and by a partial unique index so that two firms adding the same person at once cannot
 * both succeed (the loser gets the same message).
 */
@Service
public class FirmRoster {

  /** The message of an ID number another active 从业人员 holds. */
  static final String DUPLICATE_ID = "该身份证号码已登记为在职从业人员，同一人不能重复添加";

  private final JdbcClient jdbc;
  private final MemberChanges changes;
  private final TransactionTemplate transaction;
  private final TransactionTemplate readOnly;
  private final Clock clock;

  FirmRoster(
      JdbcClient jdbc,
      MemberChanges changes,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.jdbc = jdbc;
    this.changes = changes;
    this.transaction = new TransactionTemplate(transactions);
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.clock = clock;
  }

  /**
   * One page of the firm's people of a category (practising CPAs or 从业人员; null: both), active and
   * inactive, ordered by member number; {@code q} matches part of the name or the number.
   */
  public PageResult<RosterPerson> people(
      CurrentUser caller,
      String firmNo,
      @Nullable MemberCategory category,
      @Nullable String q,
      Paging paging) {
    return readOnly.execute(
        status -> {
          requireVisible(caller, firmNo);
          List<String> where = new ArrayList<>(List.of("f.firm_no = :firmNo"));
          Map<String, Object> params = new HashMap<>();
          params.put("firmNo", firmNo);
          if (category != null) {
            where.add("m.category = :category");
            params.put("category", category.name());
          }
          if (q != null && !q.isBlank()) {
            where.add("(m.name like :q escape '\\' or upper(m.member_no) like :q escape '\\')");
            params.put("q", SqlLike.contains(q.strip().toUpperCase(Locale.ROOT)));
          }
          String from =
              " from member m join firm f on f.id = m.firm_id where " + String.join(" and ", where);
          long total = jdbc.sql("select count(*)" + from).params(params).query(Long.class).single();
          List<RosterPerson> items =
              jdbc.sql(SELECT + from + " order by m.member_no limit :limit offset :offset")
                  .params(params)
                  .param("limit", paging.size())
                  .param("offset", paging.offset())
                  .query((rs, row) -> person(rs))
                  .list();
          return new PageResult<>(items, total, paging.page(), paging.size());
        });
  }

  /** One person of the firm's roster (a CPA or a 从业人员); 404 for anyone else's. */
  public RosterPerson person(CurrentUser caller, String memberNo) {
    return readOnly.execute(
        status -> {
          RosterPerson p = find(memberNo, false).orElseThrow(FirmRoster::notFound);
          if (!visible(caller, p.firmNo())) {
            throw notFound();
          }
          return p;
        });
  }

  /** Adds a 从业人员 to the firm with a new person number (P and 8 digits). */
  public RosterPerson add(CurrentUser firm, PractitionerInput input) {
    String firmNo = ownFirm(firm);
    LocalDate today = today();
    PractitionerRules.data(
        "P00000000", firmNo, input, today); // every rule before a number is taken
    try {
      return transaction.execute(
          status -> {
            MemberData data = PractitionerRules.data(nextPersonNo(), firmNo, input, today);
            requireUnusedIdNumber(data.idNumber(), null);
            changes.upsert(data, null, ChangedBy.firm(firmNo));
            return find(data.memberNo(), false).orElseThrow();
          });
    } catch (DuplicateKeyException e) {
      throw duplicateId();
    }
  }

  /** Changes the firm's own active 从业人员. */
  public RosterPerson edit(CurrentUser firm, String memberNo, PractitionerInput input) {
    String firmNo = ownFirm(firm);
    LocalDate today = today();
    try {
      return transaction.execute(
          status -> {
            RosterPerson old = ownPractitioner(firmNo, memberNo);
            if (!old.active()) {
              throw new CmisException(ErrorCode.INVALID_STATE, "roster.error.inactive");
            }
            MemberData data = PractitionerRules.data(memberNo, firmNo, input, today);
            requireUnusedIdNumber(data.idNumber(), memberNo);
            changes.upsert(data, null, ChangedBy.firm(firmNo));
            return find(memberNo, false).orElseThrow();
          });
    } catch (DuplicateKeyException e) {
      throw duplicateId();
    }
  }

  /**
   * Deactivates the firm's own 从业人员 (离职): it can no longer be registered, its history and
   * registrations stay. Deactivating an inactive one changes nothing.
   */
  public RosterPerson deactivate(CurrentUser firm, String memberNo) {
    String firmNo = ownFirm(firm);
    return transaction.execute(
        status -> {
          RosterPerson old = ownPractitioner(firmNo, memberNo);
          if (!old.active()) {
            return old;
          }
          changes.upsert(
              new MemberData(
                  memberNo,
                  old.name(),
                  old.gender(),
                  old.birthDate(),
                  null,
                  MemberCategory.PRACTITIONER,
                  firmNo,
                  null,
                  old.position(),
                  old.mobile(),
                  old.email(),
                  null,
                  false),
              null,
              ChangedBy.firm(firmNo));
          return find(memberNo, false).orElseThrow();
        });
  }

  /** The ID number (unmasked) of the firm's own 从业人员, for its edit form. */
  public @Nullable String idNumberForEdit(CurrentUser firm, String memberNo) {
    String firmNo = ownFirm(firm);
    return readOnly.execute(
        status -> {
          ownPractitioner(firmNo, memberNo, false);
          return jdbc.sql("select id_number from member where member_no = :no")
              .param("no", memberNo)
              .query(String.class)
              .optional()
              .orElse(null);
        });
  }

  // ---------------------------------------------------------------------------------------------

  private static final String SELECT =
      "select m.member_no, m.name, m.gender, m.birth_date, m.id_number, m.category, f.firm_no,"
          + " m.position, m.partner, m.mobile, m.email, m.active";

  private static RosterPerson person(java.sql.ResultSet rs) throws java.sql.SQLException {
    String id = rs.getString("id_number");
    return new RosterPerson(
        rs.getString("member_no"),
        rs.getString("name"),
        rs.getString("gender"),
        rs.getObject("birth_date", LocalDate.class),
        id == null ? null : IdNumber.mask(id),
        MemberCategory.valueOf(rs.getString("category")),
        rs.getString("firm_no"),
        rs.getString("position"),
        rs.getBoolean("partner"),
        rs.getString("mobile"),
        rs.getString("email"),
        rs.getBoolean("active"));
  }

  private Optional<RosterPerson> find(String memberNo, boolean lock) {
    return jdbc.sql(
            SELECT
                + " from member m join firm f on f.id = m.firm_id where m.member_no = :no"
                + (lock ? " for update of m" : ""))
        .param("no", memberNo)
        .query((rs, row) -> person(rs))
        .optional();
  }

  /** The firm's own 从业人员, locked; 404 for anyone else's, 403 for its CPAs. */
  private RosterPerson ownPractitioner(String firmNo, String memberNo) {
    return ownPractitioner(firmNo, memberNo, true);
  }

  private RosterPerson ownPractitioner(String firmNo, String memberNo, boolean lock) {
    if (lock) {
      jdbc.sql("set local lock_timeout = '3s'").update();
    }
    RosterPerson p = find(memberNo, lock).orElseThrow(FirmRoster::notFound);
    if (!p.firmNo().equals(firmNo)) {
      throw notFound();
    }
    if (p.category() != MemberCategory.PRACTITIONER) {
      throw new CmisException(ErrorCode.FORBIDDEN, "roster.error.cpaReadOnly");
    }
    return p;
  }

  private void requireUnusedIdNumber(@Nullable String idNumber, @Nullable String except) {
    if (idNumber == null) {
      return;
    }
    boolean taken =
        jdbc.sql(
                "select exists (select 1 from member where id_number = :id and active"
                    + " and category = 'PRACTITIONER'"
                    + " and (cast(:except as text) is null or member_no <> :except))")
            .param("id", idNumber)
            .param("except", except)
            .query(Boolean.class)
            .single();
    if (taken) {
      throw duplicateId();
    }
  }

  /** The next free person number: the sequence's next value, skipping any number already used. */
  private String nextPersonNo() {
    while (true) {
      long n = jdbc.sql("select nextval('practitioner_no_seq')").query(Long.class).single();
      String no = String.format(Locale.ROOT, "P%08d", n);
      boolean used =
          jdbc.sql("select exists (select 1 from member where member_no = :no)")
              .param("no", no)
              .query(Boolean.class)
              .single();
      if (!used) {
        return no;
      }
    }
  }

  /** The caller's own firm: only a firm changes its roster. */
  private static String ownFirm(CurrentUser caller) {
    if (!caller.is(Role.FIRM) || caller.firmNo() == null) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
    return caller.firmNo();
  }

  /** A firm's roster: the firm itself, staff of its institute, administrators (else 403/404). */
  private void requireVisible(CurrentUser caller, String firmNo) {
    if (caller.is(Role.MEMBER)) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
    if (caller.is(Role.FIRM)) {
      if (!firmNo.equals(caller.firmNo())) {
        throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
      }
      return;
    }
    Optional<String> institute =
        jdbc.sql("select institute_code from firm where firm_no = :no")
            .param("no", firmNo)
            .query(String.class)
            .optional();
    if (institute.isEmpty()) {
      throw notFound();
    }
    if (caller.is(Role.STAFF) && !institute.get().equals(caller.instituteCode())) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
  }

  private boolean visible(CurrentUser caller, String firmNo) {
    return switch (caller.role()) {
      case ADMIN -> true;
      case FIRM -> firmNo.equals(caller.firmNo());
      case MEMBER -> false;
      case STAFF ->
          jdbc.sql("select exists (select 1 from firm where firm_no = :no and institute_code = :i)")
              .param("no", firmNo)
              .param("i", caller.instituteCode())
              .query(Boolean.class)
              .single();
    };
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(BusinessTime.ZONE));
  }

  private static CmisException notFound() {
    return new CmisException(ErrorCode.NOT_FOUND, "error.NOT_FOUND");
  }

  private static CmisException duplicateId() {
    return CmisException.validation(List.of(new FieldError("idNumber", DUPLICATE_ID)));
  }
}
