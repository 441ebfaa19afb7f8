package org.cmis.training.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cmis.shared.BusinessTime;
import org.cmis.training.RegistrationStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Registrations with explicit SQL. Callers hold the class row lock when they change one. */
@Repository
public class RegistrationRepository {

  public static final String COLUMNS =
      "r.id, r.class_id, r.member_no, r.name, r.firm_no, r.status, r.channel, r.mobile, r.email,"
          + " r.registered_at, r.decided_at, r.reason, r.non_attendance_reason, r.attendance,"
          + " r.hours_granted";
  private static final String LIVE = RegistrationStatus.LIVE_SQL;

  private final JdbcClient jdbc;

  RegistrationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The firm a registration was made in, when its member has moved since (ADR 0025). */
  Optional<String> registeringFirm(long id) {
    return jdbc.sql(
            "select registering_firm_no from registration where id = :id"
                + " and registering_firm_no is not null")
        .param("id", id)
        .query(String.class)
        .optional();
  }

  public Optional<Registration> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from registration r where r.id = :id")
        .param("id", id)
        .query(RegistrationRepository::map)
        .optional();
  }

  /**
   * Inserts a registration unless the member already has a live one in the class (the partial
   * unique index decides, also against concurrent inserts). Answers the new registration, if any.
   */
  Optional<Registration> insertUnlessLive(
      long classId,
      String memberNo,
      String name,
      @Nullable String firmNo,
      RegistrationStatus status,
      Registration.Channel channel,
      String mobile,
      String email,
      OffsetDateTime now,
      String createdBy) {
    return jdbc.sql(
            "insert into registration as r (class_id, member_no, name, firm_no, status, channel,"
                + " mobile, email, registered_at, decided_at, created_by) values (:class, :member,"
                + " :name, :firm, :status, :channel, :mobile, :email, :now, :decided, :by)"
                + " on conflict (class_id, member_no) where status in "
                + LIVE
                + " do nothing returning "
                + COLUMNS)
        .param("class", classId)
        .param("member", memberNo)
        .param("name", name)
        .param("firm", firmNo)
        .param("status", status.name())
        .param("channel", channel.name())
        .param("mobile", mobile)
        .param("email", email)
        .param("now", now)
        .param("decided", status == RegistrationStatus.CONFIRMED ? now : null)
        .param("by", createdBy)
        .query(RegistrationRepository::map)
        .optional();
  }

  /** A person to insert with {@link #insertPendingUnlessLive}. */
  record NewRegistration(
      String memberNo, String name, @Nullable String firmNo, String mobile, String email) {}

  /**
   * Inserts PENDING registrations in one statement for the people without a live one in the class,
   * in member-number order: a fixed order, so two requests naming the same people wait for each
   * other instead of deadlocking. Answers member number → new id.
   */
  Map<String, Long> insertPendingUnlessLive(
      long classId,
      List<NewRegistration> people,
      Registration.Channel channel,
      OffsetDateTime now,
      String createdBy) {
    Map<String, Long> ids = new HashMap<>();
    jdbc.sql(
            "insert into registration (class_id, member_no, name, firm_no, status, channel,"
                + " mobile, email, registered_at, created_by)"
                + " select :class, p.member_no, p.name, p.firm_no, 'PENDING', :channel, p.mobile,"
                + " p.email, :now, :by from unnest(cast(:members as text[]), cast(:names as"
                + " text[]), cast(:firms as text[]), cast(:mobiles as text[]), cast(:emails as"
                + " text[])) as p (member_no, name, firm_no, mobile, email) order by p.member_no"
                + " on conflict (class_id, member_no) where status in "
                + LIVE
                + " do nothing returning member_no, id")
        .param("class", classId)
        .param("channel", channel.name())
        .param("now", now)
        .param("by", createdBy)
        .param("members", people.stream().map(NewRegistration::memberNo).toArray(String[]::new))
        .param("names", people.stream().map(NewRegistration::name).toArray(String[]::new))
        .param("firms", people.stream().map(NewRegistration::firmNo).toArray(String[]::new))
        .param("mobiles", people.stream().map(NewRegistration::mobile).toArray(String[]::new))
        .param("emails", people.stream().map(NewRegistration::email).toArray(String[]::new))
        .query((rs, row) -> ids.put(rs.getString("member_no"), rs.getLong("id")))
        .list();
    return ids;
  }

  /** Sets the state of registrations just inserted by this transaction (a firm's request). */
  void settle(List<Long> ids, RegistrationStatus status, OffsetDateTime now) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.sql(
            "update registration set status = :status, decided_at = :decided"
                + " where id = any(cast(:ids as bigint[]))")
        .param("status", status.name())
        .param("decided", status == RegistrationStatus.CONFIRMED ? now : null)
        .param("ids", ids.toArray(Long[]::new))
        .update();
  }

  /** Removes registrations this transaction inserted and found no place for. */
  void discard(List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.sql("delete from registration where id = any(cast(:ids as bigint[]))")
        .param("ids", ids.toArray(Long[]::new))
        .update();
  }

  /** Whether the member holds a live (active or waitlisted) registration in the class. */
  boolean hasLive(long classId, String memberNo) {
    return jdbc.sql(
            "select exists (select 1 from registration where class_id = :class"
                + " and member_no = :member and status in "
                + LIVE
                + ")")
        .param("class", classId)
        .param("member", memberNo)
        .query(Boolean.class)
        .single();
  }

  /** Moves a registration from one of the given states to another; answers whether it did. */
  boolean transition(
      long id,
      List<RegistrationStatus> from,
      RegistrationStatus to,
      @Nullable String reason,
      OffsetDateTime now) {
    return jdbc.sql(
                "update registration set status = :to, decided_at = :now,"
                    + " reason = coalesce(:reason, reason) where id = :id and status in (:from)")
            .param("to", to.name())
            .param("now", now)
            .param("reason", reason)
            .param("id", id)
            .param("from", from.stream().map(Enum::name).toList())
            .update()
        == 1;
  }

  /**
   * Applies a transition the aggregate allowed, as one conditional update: answers false, changing
   * nothing, when the registration is no longer in the state the transition starts from.
   */
  boolean apply(Registration.Transition t, OffsetDateTime now) {
    return transition(t.before().id(), List.of(t.from()), t.to(), t.reason(), now);
  }

  /** The email each registration gives (registration id → address), for telling its person. */
  Map<Long, String> emails(List<Long> ids) {
    Map<Long, String> emails = new HashMap<>();
    if (ids.isEmpty()) {
      return emails;
    }
    jdbc.sql("select id, email from registration where id = any(cast(:ids as bigint[]))")
        .param("ids", ids.toArray(Long[]::new))
        .query((rs, row) -> emails.put(rs.getLong("id"), rs.getString("email")))
        .list();
    return emails;
  }

  /** The earliest registration of a class in a state (registration order), if any. */
  Optional<Registration> earliest(long classId, RegistrationStatus status) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from registration r where r.class_id = :class and r.status = :status"
                + " order by r.registered_at, r.id limit 1")
        .param("class", classId)
        .param("status", status.name())
        .query(RegistrationRepository::map)
        .optional();
  }

  /** Every registration of a class in the given states, in registration order. */
  List<Registration> inClass(long classId, List<RegistrationStatus> states) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from registration r where r.class_id = :class and r.status in (:states)"
                + " order by r.registered_at, r.id")
        .param("class", classId)
        .param("states", states.stream().map(Enum::name).toList())
        .query(RegistrationRepository::map)
        .list();
  }

  /** Notes the non-attendance of an active registration; false (nothing written) otherwise. */
  boolean declareNonAttendance(long id, String reason, OffsetDateTime now) {
    return jdbc.sql(
                "update registration set non_attendance_reason = :reason, non_attendance_at = :now"
                    + " where id = :id and status in (:active)")
            .param("reason", reason)
            .param("now", now)
            .param("id", id)
            .param(
                "active",
                Arrays.stream(RegistrationStatus.values())
                    .filter(RegistrationStatus::active)
                    .map(Enum::name)
                    .toList())
            .update()
        == 1;
  }

  public static Registration map(ResultSet rs, int row) throws SQLException {
    return new Registration(
        rs.getLong("id"),
        rs.getLong("class_id"),
        rs.getString("member_no"),
        rs.getString("name"),
        rs.getString("firm_no"),
        RegistrationStatus.valueOf(rs.getString("status")),
        Registration.Channel.valueOf(rs.getString("channel")),
        rs.getString("mobile"),
        rs.getString("email"),
        local(rs.getObject("registered_at", OffsetDateTime.class)),
        local(rs.getObject("decided_at", OffsetDateTime.class)),
        rs.getString("reason"),
        rs.getString("non_attendance_reason"),
        rs.getString("attendance"),
        rs.getBigDecimal("hours_granted"));
  }

  private static @Nullable OffsetDateTime local(@Nullable OffsetDateTime t) {
    return t == null ? null : t.atZoneSameInstant(BusinessTime.ZONE).toOffsetDateTime();
  }
}
