package org.cmis.training.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cmis.shared.AuditEvent;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.Role;
import org.cmis.shared.SqlLike;
import org.cmis.training.ClassCancelled;
import org.cmis.training.ClassChanged;
import org.cmis.training.Reason;
import org.cmis.training.Registrant;
import org.cmis.training.RegistrationStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff create, edit, publish and cancel their institute's classes; everyone lists them. */
@Service
public class ClassService {

  private final ClassRepository classes;
  private final ClassRegistrations registrations;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ClassService(
      ClassRepository classes,
      ClassRegistrations registrations,
      JdbcClient jdbc,
      ApplicationEventPublisher events,
      Clock clock) {
    this.classes = classes;
    this.registrations = registrations;
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** A class the caller may see. */
  @Transactional(readOnly = true)
  public TrainingClass get(CurrentUser caller, long id) {
    TrainingClass c = classes.find(id).orElseThrow(ClassService::notFound);
    Access.requireVisible(caller, c);
    return c;
  }

  @Transactional
  public TrainingClass create(CurrentUser staff, ClassInput input) {
    if (!staff.is(Role.STAFF) || staff.instituteCode() == null) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
    int year = input.trainingStart() == null ? today().getYear() : yearOf(input.trainingStart());
    ClassData data = ClassRules.check(input, classes.nextCode(staff.instituteCode(), year));
    if (classes.codeTaken(staff.instituteCode(), data.code(), 0)) {
      throw CmisException.validation(List.of(new FieldError("code", "class.code.taken")));
    }
    long id = classes.insert(data, staff.instituteCode());
    audit(staff, "CLASS_CREATED", id, null, data);
    return classes.find(id).orElseThrow();
  }

  /**
   * Changes a class (PATCH): the same rules as creation; places may not fall below what is taken;
   * raised places go to those waiting at once.
   */
  @Transactional
  public TrainingClass update(CurrentUser staff, long id, ClassInput patch) {
    TrainingClass c = classes.lock(id).orElseThrow(ClassService::notFound);
    Access.requireOrganiser(staff, c);
    if (c.cancelled()) {
      throw new CmisException(ErrorCode.INVALID_STATE, "error.INVALID_STATE");
    }
    ClassData data = ClassRules.check(patch.over(ClassInput.of(c)), c.code());
    if (c.published() && !data.published()) {
      // Registrants must keep seeing the class they registered for: cancel it instead.
      throw CmisException.validation(List.of(new FieldError("published", "class.unpublish")));
    }
    if (classes.codeTaken(c.instituteCode(), data.code(), id)) {
      throw CmisException.validation(List.of(new FieldError("code", "class.code.taken")));
    }
    if (data.capacity() < c.confirmedCount()) {
      throw new CmisException(
          ErrorCode.BELOW_TAKEN,
          "class.belowTaken.capacity",
          List.of(new FieldError("capacity", "class.belowTaken.capacity")),
          null);
    }
    if (data.maxRegistrations() < c.registeredCount()) {
      throw new CmisException(
          ErrorCode.BELOW_TAKEN,
          "class.belowTaken.max",
          List.of(new FieldError("maxRegistrations", "class.belowTaken.max")),
          null);
    }
    classes.update(id, data);
    TrainingClass updated = classes.find(id).orElseThrow();
    registrations.fill(staff, updated);
    audit(staff, "CLASS_UPDATED", id, dataOf(c), data);
    if (c.published()) {
      events.publishEvent(
          new ClassChanged(id, data.name(), classes.version(id), registrations.live(id)));
    }
    return classes.find(id).orElseThrow();
  }

  /** Cancels a class: every live registration is cancelled with the reason, people are told. */
  @Transactional
  public TrainingClass cancel(CurrentUser staff, long id, @Nullable String reason) {
    Reason why = Reason.of(reason);
    TrainingClass c = classes.lock(id).orElseThrow(ClassService::notFound);
    Access.requireOrganiser(staff, c);
    if (c.cancelled()) {
      throw new CmisException(ErrorCode.INVALID_STATE, "error.INVALID_STATE");
    }
    List<Registrant> people = registrations.cancelAll(staff, c, why);
    classes.markCancelled(id, why.text());
    audit(staff, "CLASS_CANCELLED", id, null, java.util.Map.of("cancelReason", why.text()));
    events.publishEvent(new ClassCancelled(id, c.name(), why.text(), people));
    return classes.find(id).orElseThrow();
  }

  /**
   * One page of the classes the viewer may see, newest registration start first. The filters read
   * only the class's own columns: the page's ids are found first (an index-only scan of
   * training_class_list_idx for the usual filters), then only those rows are read whole with the
   * viewer's own state, so a deep page does not build and sort every row before it.
   */
  @Transactional(readOnly = true)
  public PageResult<ClassListItem> list(CurrentUser viewer, ClassQuery q, Paging paging) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    params.put("today", today());
    switch (viewer.role()) {
      case ADMIN -> {}
      case STAFF -> {
        where.add("(c.published or c.institute_code = :own)");
        params.put("own", viewer.instituteCode());
      }
      default -> where.add("c.published");
    }
    if (q.year() != null) {
      where.add("c.year = :year");
      params.put("year", q.year());
    }
    if (q.audience() != null) {
      where.add(":audience = any(c.audiences)");
      params.put("audience", q.audience().name());
    }
    if (q.name() != null && !q.name().isBlank()) {
      where.add("c.name like :name escape '\\'");
      params.put("name", SqlLike.contains(q.name()));
    }
    if (q.registrationStartFrom() != null) {
      where.add("c.registration_start >= :rsFrom");
      params.put("rsFrom", q.registrationStartFrom());
    }
    if (q.registrationEndTo() != null) {
      where.add("c.registration_end <= :reTo");
      params.put("reTo", q.registrationEndTo());
    }
    if (q.trainingStartFrom() != null) {
      where.add("c.training_start >= :tsFrom");
      params.put("tsFrom", q.trainingStartFrom());
    }
    if (q.trainingEndTo() != null) {
      where.add("c.training_end <= :teTo");
      params.put("teTo", q.trainingEndTo());
    }
    if (q.status() != null) {
      where.add(ClassRepository.STATUS_SQL + " = :status");
      params.put("status", q.status().name());
    }
    if (q.institute() != null && !q.institute().isBlank()) {
      where.add("c.institute_code = :institute");
      params.put("institute", q.institute().trim());
    }
    String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
    long total =
        jdbc.sql("select count(*) from training_class c" + condition)
            .params(params)
            .query(Long.class)
            .single();
    String mine = "null::bigint as my_id, null as my_status, 0 as my_firm_count";
    if (viewer.is(Role.MEMBER)) {
      mine =
          "(select r.id from registration r where r.class_id = c.id and r.member_no = :me"
              + " order by r.registered_at desc, r.id desc limit 1) as my_id,"
              + " (select r.status from registration r where r.class_id = c.id and r.member_no = :me"
              + " order by r.registered_at desc, r.id desc limit 1) as my_status, 0 as my_firm_count";
      params.put("me", viewer.memberNo());
    } else if (viewer.is(Role.FIRM)) {
      mine =
          "null::bigint as my_id, null as my_status, (select count(*) from registration r"
              + " where r.class_id = c.id and r.firm_no = :firm and r.status in "
              + RegistrationStatus.LIVE_SQL
              + ") as my_firm_count";
      params.put("firm", viewer.firmNo());
    }
    LocalDate today = today();
    List<ClassListItem> items =
        jdbc.sql(
                "select "
                    + ClassRepository.COLUMNS
                    + ", "
                    + mine
                    + ClassRepository.FROM
                    + " where c.id in (select c.id from training_class c"
                    + condition
                    + " order by c.registration_start desc, c.id limit :limit offset :offset)"
                    + " order by c.registration_start desc, c.id")
            .params(params)
            .param("limit", paging.size())
            .param("offset", paging.offset())
            .query(
                (rs, row) -> {
                  TrainingClass c = classes.map(rs, row);
                  long idValue = rs.getLong("my_id");
                  Long myId = rs.wasNull() ? null : idValue;
                  String myStatus = rs.getString("my_status");
                  return new ClassListItem(
                      c,
                      c.statusOn(today),
                      myId,
                      myStatus == null ? null : RegistrationStatus.valueOf(myStatus),
                      rs.getInt("my_firm_count"));
                })
            .list();
    return new PageResult<>(items, total, paging.page(), paging.size());
  }

  /** A class with the viewer's own state in it. */
  @Transactional(readOnly = true)
  public ClassListItem item(CurrentUser viewer, TrainingClass c) {
    Long myId = null;
    RegistrationStatus myStatus = null;
    int firmCount = 0;
    if (viewer.is(Role.MEMBER)) {
      var latest =
          jdbc.sql(
                  "select id, status from registration where class_id = :c and member_no = :me"
                      + " order by registered_at desc, id desc limit 1")
              .param("c", c.id())
              .param("me", viewer.memberNo())
              .query((rs, row) -> Map.entry(rs.getLong("id"), rs.getString("status")))
              .optional();
      if (latest.isPresent()) {
        myId = latest.get().getKey();
        myStatus = RegistrationStatus.valueOf(latest.get().getValue());
      }
    } else if (viewer.is(Role.FIRM)) {
      firmCount =
          jdbc.sql(
                  "select count(*) from registration where class_id = :c and firm_no = :f"
                      + " and status in "
                      + RegistrationStatus.LIVE_SQL)
              .param("c", c.id())
              .param("f", viewer.firmNo())
              .query(Integer.class)
              .single();
    }
    return new ClassListItem(c, c.statusOn(today()), myId, myStatus, firmCount);
  }

  private void audit(
      CurrentUser actor, String action, long id, @Nullable Object before, Object after) {
    events.publishEvent(
        new AuditEvent(
            actor.account(), action, "TrainingClass", Long.toString(id), "", before, after));
  }

  /** A class's writable fields as stored, to compare with the changed ones (ADR 0035). */
  private static ClassData dataOf(TrainingClass c) {
    return new ClassData(
        c.code(),
        c.name(),
        c.year(),
        c.audiences(),
        c.restriction(),
        c.restrictedFirms(),
        c.mode(),
        c.location(),
        c.teachers(),
        c.description(),
        c.hours(),
        c.ethicsHours(),
        c.fee(),
        c.registrationStart(),
        c.registrationEnd(),
        c.trainingStart(),
        c.trainingEnd(),
        c.cancellationDeadline(),
        c.capacity(),
        c.maxRegistrations(),
        c.confirmationMode(),
        c.waitlistEnabled(),
        c.external(),
        c.externalUrl(),
        c.published());
  }

  private static int yearOf(String date) {
    try {
      return LocalDate.parse(date.trim()).getYear();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static CmisException notFound() {
    return new CmisException(ErrorCode.NOT_FOUND, "error.NOT_FOUND");
  }
}
