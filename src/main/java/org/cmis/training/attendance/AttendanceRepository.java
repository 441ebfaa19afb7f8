package org.cmis.training.attendance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cmis.training.RegistrationStatus;
import org.cmis.training.registration.Registration;
import org.cmis.training.registration.RegistrationRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The attendance columns of {@code registration} with explicit SQL: one conditional update for any
 * number of registrations (the update is the check, no class lock, no counter), and the counts and
 * lists of the attendance pages.
 */
@Repository
class AttendanceRepository {

  private final JdbcClient jdbc;

  AttendanceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A registration whose attendance the update changed. */
  record Changed(long id, String memberNo, long version) {}

  /**
   * Writes the attendance of the given registrations of a class that are CONFIRMED and hold another
   * value, in one statement: rows locked in id order (two bulk marks never deadlock), each
   * re-checked after a concurrent writer committed. Answers the rows that changed; the others (same
   * value, not confirmed, not of the class) are untouched. Absent grants 0 hours.
   */
  List<Changed> apply(long classId, List<Long> ids, boolean attended, BigDecimal hours) {
    if (ids.isEmpty()) {
      return List.of();
    }
    String value = attended ? Registration.ATTENDED : Registration.ABSENT;
    return jdbc.sql(
            "with target as (select id from registration where id = any(cast(:ids as bigint[]))"
                + " and class_id = :class and status = 'CONFIRMED'"
                + " and attendance is distinct from :value order by id for no key update)"
                + " update registration r set attendance = :value, hours_granted = :hours,"
                + " attendance_version = r.attendance_version + 1"
                + " from target where r.id = target.id and r.status = 'CONFIRMED'"
                + " and r.attendance is distinct from :value returning r.id, r.member_no, r.attendance_version")
        .param("ids", ids.toArray(Long[]::new))
        .param("class", classId)
        .param("value", value)
        .param("hours", attended ? hours : BigDecimal.ZERO)
        .query(
            (rs, row) ->
                new Changed(
                    rs.getLong("id"), rs.getString("member_no"), rs.getLong("attendance_version")))
        .list();
  }

  /** The status of each given registration that belongs to the class (id → status). */
  Map<Long, RegistrationStatus> statuses(long classId, List<Long> ids) {
    Map<Long, RegistrationStatus> statuses = new HashMap<>();
    if (ids.isEmpty()) {
      return statuses;
    }
    jdbc.sql(
            "select id, status from registration where id = any(cast(:ids as bigint[]))"
                + " and class_id = :class")
        .param("ids", ids.toArray(Long[]::new))
        .param("class", classId)
        .query(
            (rs, row) ->
                statuses.put(rs.getLong("id"), RegistrationStatus.valueOf(rs.getString("status"))))
        .list();
    return statuses;
  }

  /** The attendance counts of a class's CONFIRMED registrations. */
  record Counts(int confirmed, int attended, int absent) {

    public int unmarked() {
      return confirmed - attended - absent;
    }
  }

  Counts counts(long classId) {
    return jdbc.sql(
            "select count(*) as confirmed,"
                + " count(*) filter (where attendance = 'ATTENDED') as attended,"
                + " count(*) filter (where attendance = 'ABSENT') as absent"
                + " from registration where class_id = :class and status = 'CONFIRMED'")
        .param("class", classId)
        .query(
            (rs, row) ->
                new Counts(rs.getInt("confirmed"), rs.getInt("attended"), rs.getInt("absent")))
        .single();
  }

  /** One row of the attendance overview: a class whose training has started, with its counts. */
  record StartedClass(
      long id,
      String code,
      String name,
      LocalDate trainingStart,
      LocalDate trainingEnd,
      BigDecimal hours,
      Counts counts) {}

  /**
   * The institute's published, not cancelled, not external classes whose training started on or
   * before today, latest first (at most 500), with their counts in the same statement.
   */
  List<StartedClass> started(String instituteCode, LocalDate today) {
    return jdbc.sql(
            "select c.id, c.code, c.name, c.training_start, c.training_end, c.hours,"
                + " count(r.id) as confirmed,"
                + " count(r.id) filter (where r.attendance = 'ATTENDED') as attended,"
                + " count(r.id) filter (where r.attendance = 'ABSENT') as absent"
                + " from training_class c left join registration r on r.class_id = c.id"
                + " and r.status = 'CONFIRMED'"
                + " where c.institute_code = :institute and c.training_start <= :today"
                + " and c.published and not c.cancelled and not c.external"
                + " group by c.id order by c.training_start desc, c.id desc limit 500")
        .param("institute", instituteCode)
        .param("today", today)
        .query(
            (rs, row) ->
                new StartedClass(
                    rs.getLong("id"),
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getObject("training_start", LocalDate.class),
                    rs.getObject("training_end", LocalDate.class),
                    rs.getBigDecimal("hours"),
                    new Counts(rs.getInt("confirmed"), rs.getInt("attended"), rs.getInt("absent"))))
        .list();
  }

  /** Which attendance state the list shows. */
  enum State {
    ATTENDED,
    ABSENT,
    UNMARKED
  }

  /**
   * The class's CONFIRMED registrations in registration order, filtered by name or number (part),
   * firm number or name (part) and attendance state; at most 2000.
   */
  List<Registration> confirmed(
      long classId, String who, String firm, @Nullable State state, List<String> firmNosNamed) {
    return jdbc.sql(
            "select "
                + RegistrationRepository.COLUMNS
                + " from registration r where r.class_id = :class and r.status = 'CONFIRMED'"
                + " and (:who = '' or r.name like :whoLike or r.member_no like :whoLike)"
                + " and (:firm = '' or r.firm_no like :firmLike"
                + " or r.firm_no = any(cast(:named as text[])))"
                + " and (cast(:state as text) is null"
                + " or (:state = 'UNMARKED' and r.attendance is null) or r.attendance = :state)"
                + " order by r.registered_at, r.id limit 2000")
        .param("class", classId)
        .param("who", who)
        .param("whoLike", "%" + escape(who) + "%")
        .param("firm", firm)
        .param("firmLike", "%" + escape(firm) + "%")
        .param("named", firmNosNamed.toArray(String[]::new))
        .param("state", state == null ? null : state.name())
        .query(RegistrationRepository::map)
        .list();
  }

  /** The distinct firm numbers of a class's CONFIRMED registrations. */
  List<String> firmsOf(long classId) {
    return jdbc.sql(
            "select distinct firm_no from registration where class_id = :class"
                + " and status = 'CONFIRMED' and firm_no is not null order by firm_no")
        .param("class", classId)
        .query(String.class)
        .list();
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
