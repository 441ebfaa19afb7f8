package org.cmis.training.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cmis.shared.BusinessTime;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds the confirmed registrants of tomorrow's classes and their firms (F4.9), every morning at
 * 08:00 Asia/Shanghai ({@code cmis.notification.reminder-cron}). Each message has a source key
 * ({@code reminder:registration:<id>}, {@code reminder:class:<id>} for a firm), so a second
 * instance running the same job, or a rerun, stores and mails nothing more.
 */
@Component
class TrainingReminders {

  private static final Logger log = LoggerFactory.getLogger(TrainingReminders.class);

  private final JdbcClient jdbc;
  private final Telling telling;
  private final Clock clock;

  TrainingReminders(JdbcClient jdbc, Telling telling, Clock clock) {
    this.jdbc = jdbc;
    this.telling = telling;
    this.clock = clock;
  }

  /** Reminds the confirmed registrants of tomorrow's classes. */
  @Scheduled(cron = "${cmis.notification.reminder-cron:0 0 8 * * *}", zone = BusinessTime.ZONE_ID)
  void remindTomorrow() {
    LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
    int stored = remind(tomorrow);
    log.info("Training reminders for {}: {} messages", tomorrow, stored);
  }

  /** A confirmed registration of a class starting on the day. */
  private record Row(
      long classId,
      String className,
      String location,
      long id,
      String memberNo,
      String name,
      @Nullable String firmNo,
      String email) {}

  /**
   * Reminds every confirmed registrant of the classes that start on the given day, and their firms
   * (one message per firm and class).
   *
   * @return how many messages this call stored
   */
  int remind(LocalDate day) {
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
                        rs.getLong("id"),
                        rs.getString("member_no"),
                        rs.getString("name"),
                        rs.getString("firm_no"),
                        rs.getString("email")))
            .list();
    int stored = 0;
    Map<Long, Map<String, List<String>>> firmsByClass = new LinkedHashMap<>();
    Map<Long, Row> classes = new LinkedHashMap<>();
    for (Row row : rows) {
      classes.putIfAbsent(row.classId(), row);
      String subject = telling.text("notify.reminder.subject", row.className());
      String body =
          telling.text(
              "notify.reminder.member.body",
              row.className(),
              row.name(),
              day.toString(),
              telling.orNone(row.location()));
      if (telling.tell(
          telling.member(row.memberNo(), row.email()),
          "reminder:registration:" + row.id(),
          subject,
          body,
          Telling.classPage(row.classId()))) {
        stored++;
      }
      if (row.firmNo() != null) {
        firmsByClass
            .computeIfAbsent(row.classId(), c -> new LinkedHashMap<>())
            .computeIfAbsent(row.firmNo(), f -> new ArrayList<>())
            .add(telling.person(row.name(), row.memberNo()));
      }
    }
    for (var perClass : firmsByClass.entrySet()) {
      Row c = classes.get(perClass.getKey());
      String subject = telling.text("notify.reminder.subject", c.className());
      for (var perFirm : perClass.getValue().entrySet()) {
        String body =
            telling.text(
                "notify.reminder.firm.body",
                c.className(),
                telling.join(perFirm.getValue()),
                day.toString(),
                telling.orNone(c.location()));
        if (telling.tell(
            telling.firm(perFirm.getKey()),
            "reminder:class:" + c.classId(),
            subject,
            body,
            Telling.classPage(c.classId()))) {
          stored++;
        }
      }
    }
    return stored;
  }
}
