package org.cmis.training.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cmis.membership.InstituteDirectory;
import org.cmis.training.Audience;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Training classes with explicit SQL; the class row lock is the guard of every counter. */
@Repository
public class ClassRepository {

  static final String COLUMNS =
      "c.id, c.code, c.name, c.year, c.institute_code, c.audiences,"
          + " c.restriction, c.restricted_firms, c.mode, c.location, c.teachers, c.description,"
          + " c.hours, c.ethics_hours, c.fee, c.registration_start, c.registration_end,"
          + " c.training_start, c.training_end, c.cancellation_deadline, c.capacity,"
          + " c.max_registrations, c.registered_count, c.confirmed_count, c.waitlisted_count,"
          + " c.confirmation_mode, c.waitlist_enabled, c.external, c.external_url, c.published,"
          + " c.cancelled";

  /** The institute's name comes from membership's {@link InstituteDirectory}, not a join. */
  static final String FROM = " from training_class c";

  /** The status of a class on :today, in SQL, exactly as {@link TrainingClass#statusOn}. */
  static final String STATUS_SQL =
      "(case when c.cancelled then 'CANCELLED' when not c.published then 'DRAFT'"
          + " when :today between c.registration_start and c.registration_end then 'OPEN'"
          + " when :today > c.training_end then 'FINISHED'"
          + " when :today >= c.training_start then 'IN_PROGRESS'"
          + " when :today < c.registration_start then 'NOT_OPEN' else 'CLOSED' end)";

  private final JdbcClient jdbc;
  private final InstituteDirectory institutes;

  ClassRepository(JdbcClient jdbc, InstituteDirectory institutes) {
    this.jdbc = jdbc;
    this.institutes = institutes;
  }

  public Optional<TrainingClass> find(long id) {
    return jdbc.sql("select " + COLUMNS + FROM + " where c.id = :id")
        .param("id", id)
        .query(this::map)
        .optional();
  }

  /**
   * Locks the class row for the rest of the transaction. A registration takes it after inserting
   * its own rows, every other change of a class's registrations before touching them; since a row
   * holder waits for nothing but the commit, they never deadlock (ADR 0009). A wait over the
   * transaction's lock_timeout fails as BUSY. The lock is FOR NO KEY UPDATE, the one an UPDATE of
   * the counters takes: it excludes other lockers but not the KEY SHARE lock that a registration
   * insert's foreign key check takes on the class, which would otherwise deadlock.
   */
  public Optional<TrainingClass> lock(long id) {
    jdbc.sql("set local lock_timeout = '3s'").update();
    return jdbc.sql("select " + COLUMNS + FROM + " where c.id = :id for no key update of c")
        .param("id", id)
        .query(this::map)
        .optional();
  }

  /**
   * Bounds every lock wait of the current transaction to 3 seconds (then BUSY). A registration
   * calls it first: its insert can wait too, for a class row someone holds FOR UPDATE.
   */
  public void boundLockWaits() {
    jdbc.sql("set local lock_timeout = '3s'").update();
  }

  /**
   * Takes places in one conditional update, the last statement of a registration that was written
   * without the lock (see ADR 0009): the update is the lock and the check at once, so the row is
   * held only for this statement and the commit. Answers false, changing nothing, when the class no
   * longer has the places, is no longer open to members (for {@code open}), or — for waitlisted
   * registrations — has room again; the caller rolls back and decides afresh.
   */
  public boolean take(
      long id, int registered, int confirmed, int waitlisted, boolean open, LocalDate today) {
    return jdbc.sql(
                "update training_class set registered_count = registered_count + :r,"
                    + " confirmed_count = confirmed_count + :c,"
                    + " waitlisted_count = waitlisted_count + :w"
                    + " where id = :id and not cancelled and not external"
                    + " and registered_count + :r <= max_registrations"
                    + " and confirmed_count + :c <= capacity"
                    + " and (:w = 0 or (waitlist_enabled"
                    + " and registered_count + :r >= max_registrations))"
                    + " and (not :open or (published"
                    + " and :today between registration_start and registration_end))")
            .param("r", registered)
            .param("c", confirmed)
            .param("w", waitlisted)
            .param("id", id)
            .param("open", open)
            .param("today", today)
            .update()
        == 1;
  }

  /** Adds to the counters of a locked class; the table's checks refuse a broken invariant. */
  public void addCounts(long id, int registered, int confirmed, int waitlisted) {
    if (registered == 0 && confirmed == 0 && waitlisted == 0) {
      return;
    }
    jdbc.sql(
            "update training_class set registered_count = registered_count + :r,"
                + " confirmed_count = confirmed_count + :c,"
                + " waitlisted_count = waitlisted_count + :w where id = :id")
        .param("r", registered)
        .param("c", confirmed)
        .param("w", waitlisted)
        .param("id", id)
        .update();
  }

  public long insert(ClassData d, String instituteCode) {
    return jdbc.sql(
            "insert into training_class (code, name, year, institute_code, audiences, restriction,"
                + " restricted_firms, mode, location, teachers, description, hours, ethics_hours,"
                + " fee, registration_start, registration_end, training_start, training_end,"
                + " cancellation_deadline, capacity, max_registrations, confirmation_mode,"
                + " waitlist_enabled, external, external_url, published) values (:code, :name,"
                + " :year, :institute, :audiences, :restriction, :firms, :mode, :location,"
                + " :teachers, :description, :hours, :ethics, :fee, :rs, :re, :ts, :te, :cd,"
                + " :capacity, :max, :confirmation, :waitlist, :external, :url, :published)"
                + " returning id")
        .params(params(d))
        .param("institute", instituteCode)
        .query(Long.class)
        .single();
  }

  public void update(long id, ClassData d) {
    jdbc.sql(
            "update training_class set code = :code, name = :name, year = :year,"
                + " audiences = :audiences, restriction = :restriction, restricted_firms = :firms,"
                + " mode = :mode, location = :location, teachers = :teachers,"
                + " description = :description, hours = :hours, ethics_hours = :ethics,"
                + " fee = :fee, registration_start = :rs, registration_end = :re,"
                + " training_start = :ts, training_end = :te, cancellation_deadline = :cd,"
                + " capacity = :capacity, max_registrations = :max,"
                + " confirmation_mode = :confirmation, waitlist_enabled = :waitlist,"
                + " external = :external, external_url = :url, published = :published,"
                + " updated_at = now() where id = :id")
        .params(params(d))
        .param("id", id)
        .update();
  }

  public void markCancelled(long id, String reason) {
    jdbc.sql(
            "update training_class set cancelled = true, cancel_reason = :reason,"
                + " registered_count = 0, confirmed_count = 0, waitlisted_count = 0,"
                + " updated_at = now() where id = :id")
        .param("reason", reason)
        .param("id", id)
        .update();
  }

  /** The class's version: the time of its last change, as an ISO instant ("" if none). */
  public String version(long id) {
    return jdbc.sql("select updated_at from training_class where id = :id")
        .param("id", id)
        .query(OffsetDateTime.class)
        .optional()
        .map(v -> v.toInstant().toString())
        .orElse("");
  }

  public boolean codeTaken(String instituteCode, String code, long exceptId) {
    return jdbc.sql(
            "select exists (select 1 from training_class where institute_code = :i"
                + " and code = :code and id <> :id)")
        .param("i", instituteCode)
        .param("code", code)
        .param("id", exceptId)
        .query(Boolean.class)
        .single();
  }

  /** The next generated code of an institute's year, e.g. SZ-2026-007. */
  public String nextCode(String instituteCode, int year) {
    long n =
        jdbc.sql("select count(*) + 1 from training_class where institute_code = :i and year = :y")
            .param("i", instituteCode)
            .param("y", year)
            .query(Long.class)
            .single();
    String code;
    do {
      code = "%s-%d-%03d".formatted(instituteCode, year, n++);
    } while (codeTaken(instituteCode, code, 0));
    return code;
  }

  private static Map<String, Object> params(ClassData d) {
    Map<String, Object> p = new java.util.HashMap<>();
    p.put("code", d.code());
    p.put("name", d.name());
    p.put("year", d.year());
    p.put("audiences", d.audiences().stream().map(Enum::name).toArray(String[]::new));
    p.put("restriction", d.restriction().name());
    p.put("firms", d.restrictedFirms().toArray(String[]::new));
    p.put("mode", d.mode().name());
    p.put("location", d.location());
    p.put("teachers", d.teachers());
    p.put("description", d.description());
    p.put("hours", d.hours());
    p.put("ethics", d.ethicsHours());
    p.put("fee", d.fee());
    p.put("rs", d.registrationStart());
    p.put("re", d.registrationEnd());
    p.put("ts", d.trainingStart());
    p.put("te", d.trainingEnd());
    p.put("cd", d.cancellationDeadline());
    p.put("capacity", d.capacity());
    p.put("max", d.maxRegistrations());
    p.put("confirmation", d.confirmationMode().name());
    p.put("waitlist", d.waitlistEnabled());
    p.put("external", d.external());
    p.put("url", d.externalUrl());
    p.put("published", d.published());
    return p;
  }

  TrainingClass map(ResultSet rs, int row) throws SQLException {
    return new TrainingClass(
        rs.getLong("id"),
        rs.getString("code"),
        rs.getString("name"),
        rs.getInt("year"),
        rs.getString("institute_code"),
        institutes.name(rs.getString("institute_code")),
        strings(rs.getArray("audiences")).stream().map(Audience::valueOf).toList(),
        TrainingClass.Restriction.valueOf(rs.getString("restriction")),
        strings(rs.getArray("restricted_firms")),
        TrainingClass.ClassMode.valueOf(rs.getString("mode")),
        rs.getString("location"),
        rs.getString("teachers"),
        rs.getString("description"),
        rs.getBigDecimal("hours"),
        rs.getBigDecimal("ethics_hours"),
        rs.getBigDecimal("fee"),
        rs.getObject("registration_start", LocalDate.class),
        rs.getObject("registration_end", LocalDate.class),
        rs.getObject("training_start", LocalDate.class),
        rs.getObject("training_end", LocalDate.class),
        rs.getObject("cancellation_deadline", LocalDate.class),
        rs.getInt("capacity"),
        rs.getInt("max_registrations"),
        rs.getInt("registered_count"),
        rs.getInt("confirmed_count"),
        rs.getInt("waitlisted_count"),
        TrainingClass.ConfirmationMode.valueOf(rs.getString("confirmation_mode")),
        rs.getBoolean("waitlist_enabled"),
        rs.getBoolean("external"),
        rs.getString("external_url"),
        rs.getBoolean("published"),
        rs.getBoolean("cancelled"));
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
  }
}
