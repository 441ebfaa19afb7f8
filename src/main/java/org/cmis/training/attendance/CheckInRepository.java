package org.cmis.training.attendance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.cmis.shared.BusinessTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Check-in sessions, check-ins and counted wrong codes with explicit SQL. */
@Repository
class CheckInRepository {

  private static final String COLUMNS =
      "s.id, s.class_id, s.day, s.code, s.token, s.opens_at, s.closes_at, s.late_after_minutes,"
          + " (select count(*) from check_in i where i.session_id = s.id) as checked_in";

  private final JdbcClient jdbc;

  CheckInRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Serialises the openings of sessions (code uniqueness among open ones) until commit. */
  void lockOpenings() {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('check_in_session.code'))")
        .query((rs, row) -> 1)
        .single();
  }

  boolean codeOpen(String code, OffsetDateTime now) {
    return jdbc.sql(
            "select exists (select 1 from check_in_session where code = :code"
                + " and opens_at <= :now and closes_at > :now)")
        .param("code", code)
        .param("now", now)
        .query(Boolean.class)
        .single();
  }

  /** Ends the class's open sessions of a day (a new one replaces them). */
  void closeOpen(long classId, LocalDate day, OffsetDateTime now) {
    jdbc.sql(
            "update check_in_session set closes_at = :now where class_id = :class and day = :day"
                + " and opens_at <= :now and closes_at > :now")
        .param("class", classId)
        .param("day", day)
        .param("now", now)
        .update();
  }

  long insert(
      long classId,
      LocalDate day,
      String code,
      String token,
      OffsetDateTime opensAt,
      OffsetDateTime closesAt,
      int lateAfterMinutes,
      String createdBy) {
    return jdbc.sql(
            "insert into check_in_session (class_id, day, code, token, opens_at, closes_at,"
                + " late_after_minutes, created_by) values (:class, :day, :code, :token, :opens,"
                + " :closes, :late, :by) returning id")
        .param("class", classId)
        .param("day", day)
        .param("code", code)
        .param("token", token)
        .param("opens", opensAt)
        .param("closes", closesAt)
        .param("late", lateAfterMinutes)
        .param("by", createdBy)
        .query(Long.class)
        .single();
  }

  /** Closes a session now, if it is still open; answers whether it was. */
  boolean close(long id, OffsetDateTime now) {
    return jdbc.sql(
                "update check_in_session set closes_at = :now where id = :id and closes_at > :now"
                    + " and opens_at < :now")
            .param("id", id)
            .param("now", now)
            .update()
        == 1;
  }

  Optional<CheckInSession> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from check_in_session s where s.id = :id")
        .param("id", id)
        .query(CheckInRepository::map)
        .optional();
  }

  Optional<CheckInSession> byToken(String token) {
    return jdbc.sql("select " + COLUMNS + " from check_in_session s where s.token = :token")
        .param("token", token)
        .query(CheckInRepository::map)
        .optional();
  }

  /** The class's sessions, latest first. */
  List<CheckInSession> ofClass(long classId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from check_in_session s where s.class_id = :class"
                + " order by s.opens_at desc, s.id desc")
        .param("class", classId)
        .query(CheckInRepository::map)
        .list();
  }

  /** The sessions open now of the classes in which the member holds a CONFIRMED registration. */
  List<CheckInSession> openForMember(String memberNo, OffsetDateTime now) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from check_in_session s join registration r on r.class_id = s.class_id"
                + " where r.member_no = :member and r.status = 'CONFIRMED'"
                + " and s.opens_at <= :now and s.closes_at > :now order by s.id")
        .param("member", memberNo)
        .param("now", now)
        .query(CheckInRepository::map)
        .list();
  }

  /** Every session with this code, open ones first (for telling why a code is refused). */
  List<CheckInSession> withCode(String code, OffsetDateTime now) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from check_in_session s where s.code = :code"
                + " order by (s.opens_at <= :now and s.closes_at > :now) desc, s.closes_at desc"
                + " limit 50")
        .param("code", code)
        .param("now", now)
        .query(CheckInRepository::map)
        .list();
  }

  /** The member's CONFIRMED registration in the class, locked until commit, if any. */
  Optional<Long> lockConfirmed(long classId, String memberNo) {
    return jdbc.sql(
            "select id from registration where class_id = :class and member_no = :member"
                + " and status = 'CONFIRMED' for no key update")
        .param("class", classId)
        .param("member", memberNo)
        .query(Long.class)
        .optional();
  }

  /** Whether the member has a CONFIRMED registration in the class. */
  boolean confirmedIn(long classId, String memberNo) {
    return jdbc.sql(
            "select exists (select 1 from registration where class_id = :class"
                + " and member_no = :member and status = 'CONFIRMED')")
        .param("class", classId)
        .param("member", memberNo)
        .query(Boolean.class)
        .single();
  }

  /** A check-in as stored. */
  record CheckIn(long registrationId, LocalDate day, OffsetDateTime at, boolean late) {}

  /** Writes the check-in of the day unless there is one; answers it when it was written. */
  Optional<CheckIn> insertUnlessDone(
      long sessionId, long registrationId, LocalDate day, OffsetDateTime now, boolean late) {
    return jdbc.sql(
            "insert into check_in (session_id, registration_id, day, checked_in_at, late)"
                + " values (:session, :registration, :day, :now, :late)"
                + " on conflict (registration_id, day) do nothing"
                + " returning registration_id, day, checked_in_at, late")
        .param("session", sessionId)
        .param("registration", registrationId)
        .param("day", day)
        .param("now", now)
        .param("late", late)
        .query(CheckInRepository::checkIn)
        .optional();
  }

  /** The registration's check-in of a day, if any. */
  Optional<CheckIn> checkInOf(long registrationId, LocalDate day) {
    return jdbc.sql(
            "select registration_id, day, checked_in_at, late from check_in"
                + " where registration_id = :registration and day = :day")
        .param("registration", registrationId)
        .param("day", day)
        .query(CheckInRepository::checkIn)
        .optional();
  }

  /** On how many distinct days of [start, end] the registration is checked in. */
  int daysCheckedIn(long registrationId, LocalDate start, LocalDate end) {
    return jdbc.sql(
            "select count(distinct day) from check_in where registration_id = :registration"
                + " and day between :start and :end")
        .param("registration", registrationId)
        .param("start", start)
        .param("end", end)
        .query(Integer.class)
        .single();
  }

  /** Check-ins of a class's registrations (registration id → days), for the staff list. */
  List<CheckIn> ofClassRegistrations(long classId) {
    return jdbc.sql(
            "select i.registration_id, i.day, i.checked_in_at, i.late from check_in i"
                + " join check_in_session s on s.id = i.session_id where s.class_id = :class"
                + " order by i.registration_id, i.day")
        .param("class", classId)
        .query(CheckInRepository::checkIn)
        .list();
  }

  /**
   * Counts one wrong code of the member against each given session, in one statement (rows in
   * session order); answers the smallest count after it.
   */
  int countFailure(List<Long> sessionIds, String memberNo, OffsetDateTime now) {
    return jdbc
        .sql(
            "insert into check_in_attempt as a (session_id, member_no, failures, last_at)"
                + " select s, :member, 1, :now from unnest(cast(:sessions as bigint[])) as s"
                + " order by s"
                + " on conflict (session_id, member_no) do update set failures = a.failures + 1,"
                + " last_at = :now returning failures")
        .param("sessions", sessionIds.toArray(Long[]::new))
        .param("member", memberNo)
        .param("now", now)
        .query(Integer.class)
        .list()
        .stream()
        .mapToInt(Integer::intValue)
        .min()
        .orElse(0);
  }

  /** The member's wrong codes counted against a session. */
  int failures(long sessionId, String memberNo) {
    return jdbc.sql(
            "select coalesce((select failures from check_in_attempt where session_id = :session"
                + " and member_no = :member), 0)")
        .param("session", sessionId)
        .param("member", memberNo)
        .query(Integer.class)
        .single();
  }

  private static CheckIn checkIn(ResultSet rs, int row) throws SQLException {
    return new CheckIn(
        rs.getLong("registration_id"),
        rs.getObject("day", LocalDate.class),
        local(rs.getObject("checked_in_at", OffsetDateTime.class)),
        rs.getBoolean("late"));
  }

  private static CheckInSession map(ResultSet rs, int row) throws SQLException {
    return new CheckInSession(
        rs.getLong("id"),
        rs.getLong("class_id"),
        rs.getObject("day", LocalDate.class),
        rs.getString("code"),
        rs.getString("token"),
        local(rs.getObject("opens_at", OffsetDateTime.class)),
        local(rs.getObject("closes_at", OffsetDateTime.class)),
        rs.getInt("late_after_minutes"),
        rs.getInt("checked_in"));
  }

  private static OffsetDateTime local(OffsetDateTime t) {
    return t.atZoneSameInstant(BusinessTime.ZONE).toOffsetDateTime();
  }
}
