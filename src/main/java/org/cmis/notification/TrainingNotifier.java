package org.cmis.notification;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cmis.training.ClassChanged;
import org.cmis.training.RegistrationChanged;
import org.cmis.training.RegistrationStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Tells registrants and their firms what happened to their registrations and classes (F4.9): a
 * message in the account's message centre and, the first time only, an email (logged when no mail
 * server is configured). Every message carries a source key, so that an event handled twice, or a
 * job run on several instances, stores and mails it once.
 */
@Component
class TrainingNotifier {

  private static final Logger log = LoggerFactory.getLogger(TrainingNotifier.class);
  private static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;
  private static final List<String> LIVE = List.of("PENDING", "CONFIRMED", "WAITLISTED");

  private final JdbcClient jdbc;
  private final MessageCenter messages;
  private final Mailer mailer;
  private final MessageSource texts;

  TrainingNotifier(JdbcClient jdbc, MessageCenter messages, Mailer mailer, MessageSource texts) {
    this.jdbc = jdbc;
    this.messages = messages;
    this.mailer = mailer;
    this.texts = texts;
  }

  /** An account to tell, with its address. */
  record Recipient(long accountId, String email) {}

  /** A registration as the notices need it. */
  private record Registrant(
      long id, String memberNo, String name, @Nullable String firmNo, String email) {}

  /** A registration was created or changed state: its person and its firm are told. */
  void registrationChanged(RegistrationChanged e) {
    if (e.status() == RegistrationStatus.CANCELLED && partOfClassCancel(e)) {
      return; // the class-cancel notice tells these people, once
    }
    String kind = kind(e.previous(), e.status());
    String key = "registration:" + e.registrationId() + ":" + e.status().name();
    String subject = text("notify.registration." + kind + ".subject", e.className());
    String body =
        text(
            "notify.registration." + kind + ".body",
            e.className(),
            e.memberName(),
            e.memberNo(),
            text("notify.status." + e.status().name()),
            e.reason() == null || e.reason().isBlank() ? text("notify.none") : e.reason());
    String registrationEmail =
        jdbc.sql("select email from registration where id = :id")
            .param("id", e.registrationId())
            .query(String.class)
            .optional()
            .orElse("");
    memberAccount(e.memberNo())
        .ifPresent(
            r ->
                tell(
                    r, key, subject, body, registrationEmail.isBlank() ? null : registrationEmail));
    if (e.firmNo() != null) {
      firmAccount(e.firmNo()).ifPresent(r -> tell(r, key, subject, body, null));
    }
  }

  /**
   * A class was changed or cancelled: every registrant it concerns and their firms are told; a firm
   * gets one message naming its people.
   */
  void classChanged(ClassChanged e) {
    List<Registrant> people;
    String key;
    String kind;
    if (e.cancelled()) {
      kind = "cancelled";
      key = "class:" + e.classId() + ":cancelled";
      people =
          registrants(
              "r.class_id = :c and r.status = 'CANCELLED' and r.reason = :reason",
              Map.of("c", e.classId(), "reason", e.reason()));
    } else {
      kind = "changed";
      Optional<OffsetDateTime> version =
          jdbc.sql("select updated_at from training_class where id = :c")
              .param("c", e.classId())
              .query(OffsetDateTime.class)
              .optional();
      // One notice per version of the class: the same event handled twice tells people once.
      key =
          "class:"
              + e.classId()
              + ":changed:"
              + version.map(v -> v.toInstant().toString()).orElse("");
      people =
          registrants(
              "r.class_id = :c and r.status in (:live)", Map.of("c", e.classId(), "live", LIVE));
    }
    String subject = text("notify.class." + kind + ".subject", e.className());
    String reason = e.reason().isBlank() ? text("notify.none") : e.reason();
    Map<String, List<String>> byFirm = new LinkedHashMap<>();
    for (Registrant p : people) {
      String body = text("notify.class." + kind + ".member.body", e.className(), p.name(), reason);
      memberAccount(p.memberNo()).ifPresent(r -> tell(r, key, subject, body, p.email()));
      if (p.firmNo() != null) {
        byFirm.computeIfAbsent(p.firmNo(), f -> new ArrayList<>()).add(named(p));
      }
    }
    byFirm.forEach(
        (firmNo, names) -> {
          String body =
              text("notify.class." + kind + ".firm.body", e.className(), join(names), reason);
          firmAccount(firmNo).ifPresent(r -> tell(r, key, subject, body, null));
        });
  }

  /**
   * Reminds every confirmed registrant of the classes that start on the given day, and their firms
   * (one message per firm and class).
   *
   * @return how many messages this call stored
   */
  int remind(LocalDate day) {
    record Row(long classId, String className, String location, Registrant person) {}
    List<Row> rows =
        jdbc.sql(
                "select c.id as class_id, c.name as class_name, c.location, r.id, r.member_no,"
                    + " r.name, r.firm_no, r.email from registration r"
                    + " join training_class c on c.id = r.class_id"
                    + " where c.training_start = :day and c.published and not c.cancelled"
                    + " and r.status = 'CONFIRMED' order by c.id, r.registered_at, r.id")
            .param("day", day)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getLong("class_id"),
                        rs.getString("class_name"),
                        rs.getString("location"),
                        new Registrant(
                            rs.getLong("id"),
                            rs.getString("member_no"),
                            rs.getString("name"),
                            rs.getString("firm_no"),
                            rs.getString("email"))))
            .list();
    int stored = 0;
    Map<Long, Map<String, List<String>>> firmsByClass = new LinkedHashMap<>();
    Map<Long, Row> classes = new LinkedHashMap<>();
    for (Row row : rows) {
      classes.putIfAbsent(row.classId(), row);
      String location = row.location().isBlank() ? text("notify.none") : row.location();
      String subject = text("notify.reminder.subject", row.className());
      String body =
          text(
              "notify.reminder.member.body",
              row.className(),
              row.person().name(),
              day.toString(),
              location);
      Optional<Recipient> member = memberAccount(row.person().memberNo());
      if (member.isPresent()
          && tell(
              member.get(),
              "reminder:registration:" + row.person().id(),
              subject,
              body,
              row.person().email())) {
        stored++;
      }
      if (row.person().firmNo() != null) {
        firmsByClass
            .computeIfAbsent(row.classId(), c -> new LinkedHashMap<>())
            .computeIfAbsent(row.person().firmNo(), f -> new ArrayList<>())
            .add(named(row.person()));
      }
    }
    for (var perClass : firmsByClass.entrySet()) {
      Row c = classes.get(perClass.getKey());
      String location = c.location().isBlank() ? text("notify.none") : c.location();
      String subject = text("notify.reminder.subject", c.className());
      for (var perFirm : perClass.getValue().entrySet()) {
        String body =
            text(
                "notify.reminder.firm.body",
                c.className(),
                join(perFirm.getValue()),
                day.toString(),
                location);
        Optional<Recipient> firm = firmAccount(perFirm.getKey());
        if (firm.isPresent()
            && tell(firm.get(), "reminder:class:" + c.classId(), subject, body, null)) {
          stored++;
        }
      }
    }
    return stored;
  }

  /**
   * Stores the message once per account and key; only the call that stored it sends the mail (to
   * the given address, else the account's). A failing mail server is logged: the message centre
   * keeps the notice.
   */
  private boolean tell(
      Recipient to, String key, String subject, String body, @Nullable String email) {
    if (!messages.postOnce(to.accountId(), key, subject, body)) {
      return false;
    }
    String address = email != null && !email.isBlank() ? email : to.email();
    if (!address.isBlank()) {
      try {
        mailer.send(address, subject, body);
      } catch (MailException ex) {
        log.warn("Mail to account {} about {} failed: {}", to.accountId(), key, ex.getMessage());
      }
    }
    return true;
  }

  private boolean partOfClassCancel(RegistrationChanged e) {
    return jdbc.sql(
            "select exists (select 1 from training_class where id = :c and cancelled"
                + " and cancel_reason = :reason)")
        .param("c", e.classId())
        .param("reason", e.reason() == null ? "" : e.reason())
        .query(Boolean.class)
        .single();
  }

  private List<Registrant> registrants(String condition, Map<String, ?> params) {
    return jdbc.sql(
            "select r.id, r.member_no, r.name, r.firm_no, r.email from registration r where "
                + condition
                + " order by r.registered_at, r.id")
        .params(params)
        .query(
            (rs, n) ->
                new Registrant(
                    rs.getLong("id"),
                    rs.getString("member_no"),
                    rs.getString("name"),
                    rs.getString("firm_no"),
                    rs.getString("email")))
        .list();
  }

  private Optional<Recipient> memberAccount(String memberNo) {
    return account("MEMBER", "member_no", memberNo);
  }

  private Optional<Recipient> firmAccount(String firmNo) {
    return account("FIRM", "firm_no", firmNo);
  }

  private Optional<Recipient> account(String loginType, String column, String value) {
    return jdbc.sql(
            "select id, email from account where login_type = :type and "
                + column
                + " = :value and enabled order by id limit 1")
        .param("type", loginType)
        .param("value", value)
        .query((rs, n) -> new Recipient(rs.getLong("id"), rs.getString("email")))
        .optional();
  }

  /** registered, waitlisted, promoted, confirmed, rejected or cancelled. */
  private static String kind(@Nullable RegistrationStatus previous, RegistrationStatus status) {
    if (previous == RegistrationStatus.WAITLISTED && status.active()) {
      return "promoted";
    }
    return switch (status) {
      case PENDING -> "registered";
      case CONFIRMED -> previous == null ? "registered" : "confirmed";
      case WAITLISTED -> "waitlisted";
      case REJECTED -> "rejected";
      case CANCELLED -> "cancelled";
    };
  }

  private String named(Registrant p) {
    return text("notify.person", p.name(), p.memberNo());
  }

  private String join(List<String> names) {
    return String.join(text("notify.separator"), names);
  }

  private String text(String key, Object... args) {
    return texts.getMessage(key, args, LOCALE);
  }
}
