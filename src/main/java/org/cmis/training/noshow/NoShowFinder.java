package org.cmis.training.noshow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cmis.membership.FirmDirectory;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the no-shows in the caller's scope (as {@code GET /api/v1/registrations}: a member its own,
 * a firm its people's, staff their institute's classes, admin all). The rule is one SQL condition,
 * {@link #RULE}: a class that ended before today (Asia/Shanghai), a CONFIRMED registration (so not
 * cancelled, rejected or waitlisted), no declaration of non-attendance, attendance ABSENT. An
 * unmarked registration is not a no-show (docs/adr/0017-no-shows.md). Order: the class's last
 * training day, the class, then registration order.
 */
@Service
public class NoShowFinder {

  static final String RULE =
      "c.training_end < :today and r.status = 'CONFIRMED' and r.non_attendance_reason is null"
          + " and r.attendance = 'ABSENT'";

  private static final String COLUMNS =
      "r.id, r.member_no, r.name, r.firm_no, c.id as class_id, c.code, c.name as class_name,"
          + " c.institute_code, c.training_start, c.training_end";

  private static final String ORDER = " order by c.training_end, c.id, r.registered_at, r.id";

  private final JdbcClient jdbc;
  private final FirmDirectory firms;
  private final Clock clock;

  NoShowFinder(JdbcClient jdbc, FirmDirectory firms, Clock clock) {
    this.jdbc = jdbc;
    this.firms = firms;
    this.clock = clock;
  }

  /** One page of the no-shows in the caller's scope. */
  @Transactional(readOnly = true)
  public PageResult<NoShow> list(CurrentUser caller, NoShowQuery q, Paging paging) {
    Map<String, Object> params = new HashMap<>();
    String from = from(caller, q, params);
    long total = jdbc.sql("select count(*)" + from).params(params).query(Long.class).single();
    List<Row> rows =
        jdbc.sql("select " + COLUMNS + from + ORDER + " limit :limit offset :offset")
            .params(params)
            .param("limit", paging.size())
            .param("offset", paging.offset())
            .query(NoShowFinder::row)
            .list();
    return new PageResult<>(named(rows), total, paging.page(), paging.size());
  }

  /** The first {@code limit} no-shows in the caller's scope, and how many there are in all. */
  @Transactional(readOnly = true)
  public PageResult<NoShow> first(CurrentUser caller, NoShowQuery q, int limit) {
    Map<String, Object> params = new HashMap<>();
    String from = from(caller, q, params);
    long total = jdbc.sql("select count(*)" + from).params(params).query(Long.class).single();
    List<Row> rows =
        jdbc.sql("select " + COLUMNS + from + ORDER + " limit :limit")
            .params(params)
            .param("limit", limit)
            .query(NoShowFinder::row)
            .list();
    return new PageResult<>(named(rows), total, 1, limit);
  }

  /** The ended classes of the staff's institute that have no-shows, for the class filter. */
  @Transactional(readOnly = true)
  public List<ClassOption> classes(CurrentUser staff) {
    return jdbc.sql(
            "select c.id, c.code, c.name from training_class c where c.institute_code = :own"
                + " and exists (select 1 from registration r where r.class_id = c.id and "
                + RULE
                + ") order by c.training_end desc, c.id limit 200")
        .param("own", Objects.requireNonNullElse(staff.instituteCode(), ""))
        .param("today", today())
        .query((rs, n) -> new ClassOption(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  /** A class offered by the class filter. */
  public record ClassOption(long id, String code, String name) {}

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The FROM and WHERE of the query: the rule, the caller's scope, the filters. */
  private String from(CurrentUser caller, NoShowQuery q, Map<String, Object> params) {
    List<String> where = new ArrayList<>();
    where.add(RULE);
    params.put("today", today());
    switch (caller.role()) {
      case ADMIN -> {}
      case STAFF -> {
        where.add("c.institute_code = :own");
        params.put("own", Objects.requireNonNullElse(caller.instituteCode(), ""));
        if (q.firmNo() != null
            && firms
                .instituteOf(q.firmNo())
                .filter(i -> !i.equals(caller.instituteCode()))
                .isPresent()) {
          throw forbidden();
        }
      }
      case FIRM -> {
        if (q.firmNo() != null && !q.firmNo().equals(caller.firmNo())) {
          throw forbidden();
        }
        where.add("r.firm_no = :ownFirm");
        params.put("ownFirm", Objects.requireNonNullElse(caller.firmNo(), ""));
      }
      case MEMBER -> {
        if (q.firmNo() != null && !q.firmNo().equals(caller.firmNo())) {
          throw forbidden();
        }
        where.add("r.member_no = :me");
        params.put("me", Objects.requireNonNullElse(caller.memberNo(), ""));
      }
    }
    if (q.from() != null) {
      where.add("c.training_end >= :from");
      params.put("from", q.from());
    }
    if (q.to() != null) {
      where.add("c.training_end <= :to");
      params.put("to", q.to());
    }
    if (q.firmNo() != null) {
      where.add("r.firm_no = :firmNo");
      params.put("firmNo", q.firmNo());
    }
    if (q.classId() != null) {
      where.add("r.class_id = :class");
      params.put("class", q.classId());
    }
    return " from registration r join training_class c on c.id = r.class_id where "
        + String.join(" and ", where);
  }

  /** The rows with their firms' names, read in one query. */
  private List<NoShow> named(List<Row> rows) {
    List<String> firmNos =
        rows.stream().map(Row::firmNo).filter(Objects::nonNull).distinct().toList();
    Map<String, String> names = firmNos.isEmpty() ? Map.of() : firms.names(firmNos);
    return rows.stream()
        .map(
            r ->
                new NoShow(
                    r.id(),
                    r.memberNo(),
                    r.name(),
                    r.firmNo(),
                    r.firmNo() == null ? null : names.get(r.firmNo()),
                    r.classId(),
                    r.classCode(),
                    r.className(),
                    r.instituteCode(),
                    r.trainingStart(),
                    r.trainingEnd()))
        .toList();
  }

  private record Row(
      long id,
      String memberNo,
      String name,
      @Nullable String firmNo,
      long classId,
      String classCode,
      String className,
      String instituteCode,
      LocalDate trainingStart,
      LocalDate trainingEnd) {}

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getLong("id"),
        rs.getString("member_no"),
        rs.getString("name"),
        rs.getString("firm_no"),
        rs.getLong("class_id"),
        rs.getString("code"),
        rs.getString("class_name"),
        rs.getString("institute_code"),
        rs.getObject("training_start", LocalDate.class),
        rs.getObject("training_end", LocalDate.class));
  }

  private static CmisException forbidden() {
    return new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
  }
}
