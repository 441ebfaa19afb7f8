package org.cmis.credits.reminder;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cmis.credits.HourStatements;
import org.cmis.credits.Statement;
import org.cmis.identity.AccountContacts;
import org.cmis.membership.MemberRoster;
import org.cmis.membership.MemberSummary;
import org.cmis.notification.Notification;
import org.cmis.notification.Notifications;
import org.cmis.notification.Recipient;
import org.cmis.shared.BusinessTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The monthly hours reminders (F5.6; ADR 0020): from {@code cmis.hours.reminder-from} (10-01) to
 * the end of the year, once a month, every active member still short for the current year is told
 * its shortfall and ethics shortfall (in-app and by mail, through notification), and every firm how
 * many of its people are short. The job runs at {@code cmis.hours.reminder-cron} (09:00 on the 1st,
 * Asia/Shanghai) on every instance; the instance whose insert into {@code hours_reminder_run} wins
 * the month sends, the others do nothing. Each message has a source key per account and month
 * ({@code hours-reminder:<yyyy-MM>}), so a run taken over after a crash, or a rerun, tells nobody
 * twice.
 */
@Component
class HoursReminders {

  private static final Logger log = LoggerFactory.getLogger(HoursReminders.class);
  private static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;

  /** Members per statement query. */
  static final int BATCH = 1000;

  private final JdbcClient jdbc;
  private final MemberRoster roster;
  private final HourStatements statements;
  private final AccountContacts contacts;
  private final Notifications notifications;
  private final MessageSource texts;
  private final Clock clock;
  private final MonthDay from;
  private final String baseUrl;
  private final String instance;

  HoursReminders(
      JdbcClient jdbc,
      MemberRoster roster,
      HourStatements statements,
      AccountContacts contacts,
      Notifications notifications,
      MessageSource texts,
      Clock clock,
      @Value("${cmis.hours.reminder-from:10-01}") String from,
      @Value("${cmis.base-url:http://localhost:8080}") String baseUrl) {
    this.jdbc = jdbc;
    this.roster = roster;
    this.statements = statements;
    this.contacts = contacts;
    this.notifications = notifications;
    this.texts = texts;
    this.clock = clock;
    this.from = MonthDay.parse("--" + from.strip());
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.instance = ManagementFactory.getRuntimeMXBean().getName();
  }

  /** What one call did: whether it won the month, and whom it told. */
  record Run(boolean claimed, int members, int firms) {

    static final Run NOTHING = new Run(false, 0, 0);
  }

  @Scheduled(cron = "${cmis.hours.reminder-cron:0 0 9 1 * *}", zone = BusinessTime.ZONE_ID)
  void monthly() {
    LocalDate today = LocalDate.now(clock);
    Run run = remind(today);
    if (run.claimed()) {
      log.info(
          "Hours reminders for {}: {} members and {} firms told",
          YearMonth.from(today),
          run.members(),
          run.firms());
    }
  }

  /**
   * Sends the month's reminders if the day is on or after the from-date and this call claims the
   * month; otherwise does nothing.
   */
  Run remind(LocalDate today) {
    if (MonthDay.from(today).isBefore(from)) {
      return Run.NOTHING;
    }
    String period = YearMonth.from(today).toString();
    if (!claim(period)) {
      return Run.NOTHING;
    }
    Run run = send(period, today.getYear());
    jdbc.sql(
            "update hours_reminder_run set completed_at = now(), members_told = :members,"
                + " firms_told = :firms where period = :period")
        .param("members", run.members())
        .param("firms", run.firms())
        .param("period", period)
        .update();
    return run;
  }

  /**
   * Claims the month: the first insert wins; a claim an hour old that never completed (its instance
   * died) may be taken over.
   */
  private boolean claim(String period) {
    return jdbc.sql(
                "insert into hours_reminder_run as r (period, claimed_by) values (:period, :by)"
                    + " on conflict (period) do update set claimed_at = now(),"
                    + " claimed_by = excluded.claimed_by"
                    + " where r.completed_at is null and r.claimed_at < now() - interval '1 hour'")
            .param("period", period)
            .param("by", instance.length() > 200 ? instance.substring(0, 200) : instance)
            .update()
        == 1;
  }

  private Run send(String period, int year) {
    String key = "hours-reminder:" + period;
    Map<String, Integer> shortByFirm = new TreeMap<>();
    int members = 0;
    String after = null;
    while (true) {
      List<MemberSummary> batch = roster.activeAfter(after, BATCH);
      if (batch.isEmpty()) {
        break;
      }
      for (Statement s : statements.statements(batch, year)) {
        if (s.compliant()) {
          continue;
        }
        if (s.firmNo() != null) {
          shortByFirm.merge(s.firmNo(), 1, Integer::sum);
        }
        if (tellMember(s, key)) {
          members++;
        }
      }
      if (batch.size() < BATCH) {
        break;
      }
      after = batch.get(batch.size() - 1).memberNo();
    }
    int firms = 0;
    for (Map.Entry<String, Integer> firm : shortByFirm.entrySet()) {
      if (tellFirm(firm.getKey(), firm.getValue(), year, key)) {
        firms++;
      }
    }
    return new Run(true, members, firms);
  }

  private boolean tellMember(Statement s, String key) {
    Optional<Recipient> to =
        contacts.ofMember(s.memberNo()).map(a -> new Recipient(a.accountId(), a.email()));
    if (to.isEmpty()) {
      return false;
    }
    String subject = text("hoursReminder.member.subject", Integer.toString(s.year()));
    String body =
        text(
            "hoursReminder.member.body",
            s.name(),
            Integer.toString(s.year()),
            hours(s.completedHours()),
            hours(s.requiredHours()),
            hours(s.shortfall()),
            hours(s.ethicsHours()),
            hours(s.requiredEthicsHours()),
            hours(s.ethicsShortfall()),
            baseUrl + "/hours");
    return notifications.tell(to.get(), new Notification(key, subject, body, "/hours"));
  }

  private boolean tellFirm(String firmNo, int count, int year, String key) {
    Optional<Recipient> to =
        contacts.ofFirm(firmNo).map(a -> new Recipient(a.accountId(), a.email()));
    if (to.isEmpty()) {
      return false;
    }
    String subject = text("hoursReminder.firm.subject", Integer.toString(year));
    String body =
        text(
            "hoursReminder.firm.body",
            Integer.toString(year),
            Integer.toString(count),
            baseUrl + "/hours/people?short=true");
    return notifications.tell(
        to.get(), new Notification(key, subject, body, "/hours/people?short=true"));
  }

  private String text(String key, Object... args) {
    return texts.getMessage(key, args, LOCALE);
  }

  /** Hours as the messages write them: {@code 40}, {@code 12.5}. */
  static String hours(BigDecimal hours) {
    BigDecimal h = hours.setScale(1, RoundingMode.HALF_UP);
    return h.remainder(BigDecimal.ONE).signum() == 0
        ? h.setScale(0, RoundingMode.UNNECESSARY).toPlainString()
        : h.toPlainString();
  }
}
