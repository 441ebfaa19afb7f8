package org.cmis.membership.importing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.cmis.membership.ChangeOutcome;
import org.cmis.membership.ChangedBy;
import org.cmis.membership.FirmData;
import org.cmis.membership.MemberCategory;
import org.cmis.membership.MemberChanges;
import org.cmis.membership.MemberData;
import org.cmis.membership.MemberDataCheck;
import org.cmis.shared.BusinessTime;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.IdNumber;
import org.cmis.shared.Role;
import org.cmis.shared.spreadsheet.AllOrNothing;
import org.cmis.shared.spreadsheet.ImportReport;
import org.cmis.shared.spreadsheet.ParsedRow;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Excel import of members and of firms (F2.6, ADR 0029). First every row is validated, without
 * writing anything: the field rules of {@link MemberDataCheck} (the same as the sync's), the firms
 * and institutes named (read once per import), the caller's scope (staff: every row's institute
 * must be theirs; an existing record of another institute is refused), repeats inside the file and
 * ID numbers of active 从业人员. Any error: the report, nothing written. Else, unless only validating,
 * every row goes through {@link MemberChanges} in one transaction ({@link AllOrNothing}): a row
 * refused there rolls all back. Unchanged rows write no history, so the same file twice changes
 * nothing.
 */
@Service
public class Importer {

  /** Numbers per query, well under PostgreSQL's bind parameter limit. */
  private static final int CHUNK = 1000;

  private static final Map<String, MemberCategory> CATEGORIES =
      Map.of(
          "执业注册会计师", MemberCategory.PRACTISING_CPA,
          "注册会计师", MemberCategory.PRACTISING_CPA,
          "非执业会员", MemberCategory.NON_PRACTISING,
          "从业人员", MemberCategory.PRACTITIONER);

  private final JdbcClient jdbc;
  private final MemberChanges changes;
  private final AllOrNothing allOrNothing;
  private final TransactionTemplate readOnly;
  private final TransactionTemplate transaction;
  private final Clock clock;

  Importer(
      JdbcClient jdbc,
      MemberChanges changes,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.jdbc = jdbc;
    this.changes = changes;
    this.allOrNothing = new AllOrNothing(transactions, "该行无法保存（与已有数据冲突），请检查各列的取值");
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  // ------------------------------------------------------------------------------------ members

  /**
   * Validates the rows of a members file and, unless {@code dryRun} or any row fails, applies it.
   */
  public ImportOutcome members(
      CurrentUser caller, List<ParsedRow<MemberRow>> rows, boolean dryRun) {
    requireImporter(caller);
    LocalDate today = LocalDate.now(clock.withZone(BusinessTime.ZONE));
    Lookups look =
        readOnly.execute(
            status ->
                new Lookups(
                    institutes(),
                    firms(rows.stream().map(r -> r.value().firmNo()).toList()),
                    members(rows.stream().map(r -> upper(r.value().memberNo())).toList()),
                    activePractitioners(
                        rows.stream().map(r -> upper(r.value().idNumber())).toList())));
    List<ImportReport.RowResult> results = new ArrayList<>();
    List<ParsedRow<MemberData>> valid = new ArrayList<>();
    Map<String, Integer> seenNos = new HashMap<>();
    Map<String, Integer> seenIds = new HashMap<>();
    Set<String> fileNos = new HashSet<>();
    rows.forEach(r -> fileNos.add(upper(r.value().memberNo())));
    for (ParsedRow<MemberRow> row : rows) {
      List<FieldError> errors = new ArrayList<>(row.errors());
      MemberData data = member(caller, row, look, today, errors);
      if (data != null) {
        Integer first = seenNos.putIfAbsent(data.memberNo(), row.rowNumber());
        if (first != null) {
          errors.add(new FieldError("memberNo", "与第 " + first + " 行的人员编号重复"));
        }
        Stored stored = look.members().get(data.memberNo());
        boolean active = data.active() != null ? data.active() : stored == null || stored.active();
        String id = data.idNumber() != null ? data.idNumber() : stored == null ? null : stored.id();
        if (data.category() == MemberCategory.PRACTITIONER && active && id != null) {
          Integer other = seenIds.putIfAbsent(id, row.rowNumber());
          String holder = look.practitionerIds().get(id);
          if (other != null) {
            errors.add(new FieldError("idNumber", "与第 " + other + " 行的在职从业人员身份证号码重复"));
          } else if (holder != null
              && !holder.equals(data.memberNo())
              && !fileNos.contains(holder)) {
            errors.add(new FieldError("idNumber", "该身份证号码已属于另一名在职从业人员"));
          }
        }
      }
      results.add(result(ImportKind.MEMBERS, row, errors));
      if (errors.isEmpty() && data != null) {
        valid.add(new ParsedRow<>(row.rowNumber(), row.label(), data, List.of()));
      }
    }
    int existing =
        (int) valid.stream().filter(v -> look.members().containsKey(v.value().memberNo())).count();
    if (valid.size() < rows.size() || dryRun) {
      return new ImportOutcome(
          ImportKind.MEMBERS,
          new ImportReport(results, false),
          dryRun,
          valid.size() - existing,
          existing,
          0);
    }
    ChangedBy by = ChangedBy.importBy(caller.account());
    List<ChangeOutcome> all = null;
    try {
      all =
          transaction.execute(
              status -> changes.upsertAll(valid.stream().map(ParsedRow::value).toList(), by));
    } catch (CmisException | DataAccessException e) {
      // Something changed since the validation: row by row below, to tell which row.
    }
    if (all != null) {
      int applied = (int) all.stream().filter(o -> o == ChangeOutcome.APPLIED).count();
      return new ImportOutcome(
          ImportKind.MEMBERS,
          new ImportReport(results, true),
          false,
          valid.size() - existing,
          applied - (valid.size() - existing),
          all.size() - applied);
    }
    return rowByRow(ImportKind.MEMBERS, valid, existing, data -> changes.upsert(data, null, by));
  }

  /** A row as member data, or null with its errors. */
  private @Nullable MemberData member(
      CurrentUser caller,
      ParsedRow<MemberRow> row,
      Lookups look,
      LocalDate today,
      List<FieldError> errors) {
    MemberRow r = row.value();
    String memberNo = upper(r.memberNo());
    String idNumber = upper(r.idNumber());
    boolean idValid = idNumber != null && IdNumber.isValid(idNumber);
    Stored stored = memberNo == null ? null : look.members().get(memberNo);

    String gender = gender(r.gender());
    if (r.gender() == null && idValid) {
      gender = (idNumber.charAt(16) - '0') % 2 == 1 ? "M" : "F";
    } else if (r.gender() == null && stored != null) {
      gender = stored.gender();
    }
    if (gender == null) {
      errors.add(new FieldError("gender", r.gender() == null ? "必填：男 或 女" : "性别应为 男 或 女"));
    } else if (idValid && !gender.equals((idNumber.charAt(16) - '0') % 2 == 1 ? "M" : "F")) {
      errors.add(new FieldError("gender", "性别与身份证号码不符"));
    }

    LocalDate birthDate = null;
    if (r.birthDate() != null) {
      try {
        birthDate = LocalDate.parse(r.birthDate());
      } catch (DateTimeParseException e) {
        errors.add(new FieldError("birthDate", "出生日期应为 yyyy-MM-dd 形式，如 1990-05-01"));
      }
    }
    if (idValid) {
      LocalDate fromId =
          LocalDate.of(
              Integer.parseInt(idNumber.substring(6, 10)),
              Integer.parseInt(idNumber.substring(10, 12)),
              Integer.parseInt(idNumber.substring(12, 14)));
      if (birthDate == null && r.birthDate() == null) {
        birthDate = fromId;
      } else if (birthDate != null && !birthDate.equals(fromId)) {
        errors.add(new FieldError("birthDate", "出生日期与身份证号码不符"));
      }
    } else if (birthDate == null && r.birthDate() == null && stored != null) {
      birthDate = stored.birthDate();
    }

    MemberCategory category = null;
    if (r.category() == null) {
      errors.add(new FieldError("category", "必填：执业注册会计师、非执业会员 或 从业人员"));
    } else {
      category = category(r.category());
      if (category == null) {
        errors.add(new FieldError("category", "应为 执业注册会计师、非执业会员 或 从业人员"));
      }
    }

    String firmNo = r.firmNo();
    String firmInstitute = null;
    if (firmNo != null) {
      firmInstitute = look.firms().get(firmNo);
      if (firmInstitute == null && firmNo.matches("[0-9]{8}")) {
        errors.add(new FieldError("firmNo", "事务所不存在（请先导入该事务所）"));
      }
    }
    String institute = null;
    if (r.instituteCode() != null) {
      institute = look.institutes().get(r.instituteCode().toUpperCase(Locale.ROOT));
      if (institute == null) {
        institute = look.institutes().get(r.instituteCode());
      }
      if (institute == null) {
        errors.add(new FieldError("instituteCode", "协会不存在：请填写协会代码（如 SZ）或名称"));
      }
    } else if (firmNo == null && caller.is(Role.STAFF)) {
      institute = caller.instituteCode();
    }
    if (caller.is(Role.STAFF)) {
      String own = caller.instituteCode();
      if (institute != null && !institute.equals(own)) {
        errors.add(new FieldError("instituteCode", "只能导入本协会（" + own + "）的人员"));
      }
      if (firmInstitute != null && !firmInstitute.equals(own)) {
        errors.add(new FieldError("firmNo", "该事务所不属于本协会（" + own + "）"));
      }
      if (stored != null && !stored.institute().equals(own)) {
        errors.add(new FieldError("memberNo", "该人员属于其他协会，不能由本协会导入"));
      }
    }
    if (category == null) {
      if (idNumber != null && !idValid) {
        errors.add(new FieldError("idNumber", "身份证号码不正确（18 位，校验位不符）"));
      }
      return null;
    }
    MemberData data =
        new MemberData(
            memberNo == null ? "" : memberNo,
            r.name() == null ? "" : r.name(),
            gender == null ? "M" : gender, // a missing gender is reported above
            birthDate,
            idNumber,
            category,
            firmNo,
            institute,
            keep(r.position(), stored == null ? null : stored.position()),
            keep(r.mobile(), stored == null ? null : stored.mobile()),
            keep(r.email(), stored == null ? null : stored.email()),
            r.partner(),
            r.active());
    try {
      MemberDataCheck.check(data, today);
    } catch (CmisException e) {
      Set<String> have = new HashSet<>();
      errors.forEach(f -> have.add(f.field()));
      e.errors().stream().filter(f -> !have.contains(f.field())).forEach(errors::add);
    }
    if (institute == null && firmNo == null && errors.isEmpty()) {
      errors.add(new FieldError("instituteCode", "必填：非执业会员所属的协会"));
    }
    return gender == null ? null : data;
  }

  // -------------------------------------------------------------------------------------- firms

  /** Validates the rows of a firms file and, unless {@code dryRun} or any row fails, applies it. */
  public ImportOutcome firms(CurrentUser caller, List<ParsedRow<FirmRow>> rows, boolean dryRun) {
    requireImporter(caller);
    record FirmLookups(
        Map<String, String> institutes,
        Map<String, String> firms,
        Map<String, String> creditCodes) {}
    FirmLookups look =
        readOnly.execute(
            status ->
                new FirmLookups(
                    institutes(),
                    firms(rows.stream().map(r -> r.value().firmNo()).toList()),
                    creditCodes(rows.stream().map(r -> upper(r.value().creditCode())).toList())));
    List<ImportReport.RowResult> results = new ArrayList<>();
    List<ParsedRow<FirmData>> valid = new ArrayList<>();
    Map<String, Integer> seenNos = new HashMap<>();
    Map<String, Integer> seenCodes = new HashMap<>();
    for (ParsedRow<FirmRow> row : rows) {
      FirmRow r = row.value();
      List<FieldError> errors = new ArrayList<>(row.errors());
      String firmNo = r.firmNo() == null ? "" : r.firmNo();
      String code = upper(r.creditCode());
      String institute = null;
      if (r.instituteCode() != null) {
        institute = look.institutes().get(r.instituteCode().toUpperCase(Locale.ROOT));
        if (institute == null) {
          institute = look.institutes().get(r.instituteCode());
        }
        if (institute == null) {
          errors.add(new FieldError("instituteCode", "协会不存在：请填写协会代码（如 SZ）或名称"));
        }
      }
      FirmData data =
          new FirmData(
              firmNo, r.name() == null ? "" : r.name(), code, institute == null ? "" : institute);
      try {
        MemberDataCheck.check(data);
      } catch (CmisException e) {
        Set<String> have = new HashSet<>();
        errors.forEach(f -> have.add(f.field()));
        e.errors().stream().filter(f -> !have.contains(f.field())).forEach(errors::add);
      }
      if (caller.is(Role.STAFF)) {
        String own = caller.instituteCode();
        if (institute != null && !institute.equals(own)) {
          errors.add(new FieldError("instituteCode", "只能导入本协会（" + own + "）的事务所"));
        }
        String storedInstitute = look.firms().get(firmNo);
        if (storedInstitute != null && !storedInstitute.equals(own)) {
          errors.add(new FieldError("firmNo", "该事务所属于其他协会，不能由本协会导入"));
        }
      }
      Integer first = seenNos.putIfAbsent(firmNo, row.rowNumber());
      if (first != null && !firmNo.isEmpty()) {
        errors.add(new FieldError("firmNo", "与第 " + first + " 行的事务所编号重复"));
      }
      if (code != null) {
        Integer other = seenCodes.putIfAbsent(code, row.rowNumber());
        String holder = look.creditCodes().get(code);
        if (other != null) {
          errors.add(new FieldError("creditCode", "与第 " + other + " 行的统一社会信用代码重复"));
        } else if (holder != null && !holder.equals(firmNo)) {
          errors.add(new FieldError("creditCode", "该统一社会信用代码已属于另一家事务所"));
        }
      }
      results.add(result(ImportKind.FIRMS, row, errors));
      if (errors.isEmpty()) {
        valid.add(new ParsedRow<>(row.rowNumber(), row.label(), data, List.of()));
      }
    }
    int existing =
        (int) valid.stream().filter(v -> look.firms().containsKey(v.value().firmNo())).count();
    if (valid.size() < rows.size() || dryRun) {
      return new ImportOutcome(
          ImportKind.FIRMS,
          new ImportReport(results, false),
          dryRun,
          valid.size() - existing,
          existing,
          0);
    }
    ChangedBy by = ChangedBy.importBy(caller.account());
    return rowByRow(ImportKind.FIRMS, valid, existing, data -> changes.upsertFirm(data, null, by));
  }

  /**
   * Applies the valid rows one by one in one transaction (all or nothing), counting what was
   * created, changed and left unchanged; a refused row is named in the report.
   */
  private <T> ImportOutcome rowByRow(
      ImportKind kind,
      List<ParsedRow<T>> valid,
      int existing,
      java.util.function.Function<T, ChangeOutcome> change) {
    AtomicInteger applied = new AtomicInteger();
    AtomicInteger unchanged = new AtomicInteger();
    ImportReport report =
        allOrNothing.run(
            valid,
            data ->
                (change.apply(data) == ChangeOutcome.APPLIED ? applied : unchanged)
                    .incrementAndGet(),
            e -> worded(kind, e));
    int created = report.imported() ? valid.size() - existing : 0;
    return new ImportOutcome(
        kind,
        report,
        false,
        created,
        report.imported() ? applied.get() - created : 0,
        report.imported() ? unchanged.get() : 0);
  }

  // ------------------------------------------------------------------------------------ lookups

  /** A member as stored: what a row may leave blank to keep, and its scope. */
  private record Stored(
      String institute,
      String gender,
      boolean active,
      @Nullable String id,
      @Nullable LocalDate birthDate,
      String position,
      String mobile,
      String email) {}

  private record Lookups(
      Map<String, String> institutes,
      Map<String, String> firms,
      Map<String, Stored> members,
      Map<String, String> practitionerIds) {}

  /** Code → code and name → code of every institute. */
  private Map<String, String> institutes() {
    Map<String, String> codes = new HashMap<>();
    jdbc.sql("select code, name from institute")
        .query(
            (rs, n) -> {
              codes.put(rs.getString(1).toUpperCase(Locale.ROOT), rs.getString(1));
              codes.putIfAbsent(rs.getString(2), rs.getString(1));
              return null;
            })
        .list();
    return codes;
  }

  /** Firm number → institute of the firms named. */
  private Map<String, String> firms(Collection<@Nullable String> firmNos) {
    Map<String, String> found = new HashMap<>();
    for (List<String> chunk : chunks(firmNos)) {
      jdbc.sql("select firm_no, institute_code from firm where firm_no in (:nos)")
          .param("nos", chunk)
          .query((rs, n) -> found.put(rs.getString(1), rs.getString(2)))
          .list();
    }
    return found;
  }

  private Map<String, Stored> members(Collection<@Nullable String> memberNos) {
    Map<String, Stored> found = new HashMap<>();
    for (List<String> chunk : chunks(memberNos)) {
      jdbc.sql(
              "select member_no, institute_code, active, id_number, birth_date, position, mobile,"
                  + " email, gender from member where member_no in (:nos)")
          .param("nos", chunk)
          .query(
              (rs, n) ->
                  found.put(
                      rs.getString(1),
                      new Stored(
                          rs.getString(2),
                          rs.getString(9),
                          rs.getBoolean(3),
                          rs.getString(4),
                          rs.getObject(5, LocalDate.class),
                          rs.getString(6),
                          rs.getString(7),
                          rs.getString(8))))
          .list();
    }
    return found;
  }

  /** ID number → member number of the active 从业人员 holding the ID numbers named. */
  private Map<String, String> activePractitioners(Collection<@Nullable String> idNumbers) {
    Map<String, String> found = new HashMap<>();
    for (List<String> chunk : chunks(idNumbers)) {
      jdbc.sql(
              "select id_number, member_no from member where id_number in (:ids) and active"
                  + " and category = 'PRACTITIONER'")
          .param("ids", chunk)
          .query((rs, n) -> found.put(rs.getString(1), rs.getString(2)))
          .list();
    }
    return found;
  }

  /** Credit code → firm number of the firms holding the codes named. */
  private Map<String, String> creditCodes(Collection<@Nullable String> codes) {
    Map<String, String> found = new HashMap<>();
    for (List<String> chunk : chunks(codes)) {
      jdbc.sql("select credit_code, firm_no from firm where credit_code in (:codes)")
          .param("codes", chunk)
          .query((rs, n) -> found.put(rs.getString(1), rs.getString(2)))
          .list();
    }
    return found;
  }

  private static List<List<String>> chunks(Collection<@Nullable String> values) {
    List<String> all =
        new ArrayList<>(
            new LinkedHashSet<>(
                values.stream().filter(Objects::nonNull).map(v -> (String) v).toList()));
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
    }
    return chunks;
  }

  // ---------------------------------------------------------------------------------------- misc

  private static void requireImporter(CurrentUser caller) {
    boolean staff = caller.is(Role.STAFF) && caller.instituteCode() != null;
    if (!staff && !caller.is(Role.ADMIN)) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
  }

  private static ImportReport.RowResult result(
      ImportKind kind, ParsedRow<?> row, List<FieldError> errors) {
    return new ImportReport.RowResult(
        row.rowNumber(),
        row.label(),
        errors.isEmpty(),
        errors.stream()
            .map(e -> new ImportReport.RowError(kind.header(e.field()), e.message()))
            .toList());
  }

  /** A refusal of the apply step, its field named by its column. */
  private static FieldError worded(ImportKind kind, FieldError e) {
    String message =
        switch (e.message()) {
          case "error.UNKNOWN_FIRM" -> "事务所不存在";
          case "error.UNKNOWN_INSTITUTE" -> "协会不存在";
          case "error.UNKNOWN_MEMBER", "error.NOT_FOUND" -> "人员不存在";
          case "error.BUSY" -> "该记录正被修改，请稍后重试";
          default -> e.message().startsWith("error.") ? "该行无法保存，请检查各列的取值" : e.message();
        };
    return new FieldError(kind.header(e.field()), message);
  }

  private static @Nullable String gender(@Nullable String value) {
    if (value == null) {
      return null;
    }
    return switch (value.trim().toUpperCase(Locale.ROOT)) {
      case "男", "M" -> "M";
      case "女", "F" -> "F";
      default -> null;
    };
  }

  private static @Nullable MemberCategory category(String value) {
    MemberCategory c = CATEGORIES.get(value.trim());
    if (c != null) {
      return c;
    }
    try {
      return MemberCategory.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String keep(@Nullable String value, @Nullable String stored) {
    return value != null ? value : stored == null ? "" : stored;
  }

  private static @Nullable String upper(@Nullable String value) {
    return value == null ? null : value.trim().toUpperCase(Locale.ROOT);
  }
}
