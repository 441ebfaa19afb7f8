package org.cmis.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDataLoaderTest {

  private static EmbeddedPostgres postgres;
  private static JdbcTemplate jdbc;
  private static DemoDataLoader loader;

  /** A fixed day in the middle of a year, so that every status is reachable inside the year. */
  private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

  private static final Clock CLOCK =
      Clock.fixed(
          TODAY.atTime(9, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
          ZoneId.of("Asia/Shanghai"));

  /** The status rule of API.md in SQL (as ClassRepository.STATUS_SQL), on TODAY. */
  private static final String STATUS =
      "(case when c.cancelled then 'CANCELLED' when not c.published then 'DRAFT'"
          + " when date '2026-06-15' between c.registration_start and c.registration_end"
          + " then 'OPEN' when date '2026-06-15' > c.training_end then 'FINISHED'"
          + " when date '2026-06-15' >= c.training_start then 'IN_PROGRESS'"
          + " when date '2026-06-15' < c.registration_start then 'NOT_OPEN' else 'CLOSED' end)";

  private static final List<String> STATUSES =
      List.of("DRAFT", "NOT_OPEN", "OPEN", "CLOSED", "IN_PROGRESS", "FINISHED", "CANCELLED");

  private static final PasswordEncoder ENCODER =
      PasswordEncoderFactories.createDelegatingPasswordEncoder();

  @BeforeAll
  static void startDatabase() throws IOException {
    postgres = EmbeddedPostgres.start();
    DataSource ds = postgres.getPostgresDatabase();
    Flyway.configure()
        .dataSource(ds)
        .locations(
            "classpath:db/migration/platform",
            "classpath:db/migration/settings",
            "classpath:db/migration/membership",
            "classpath:db/migration/identity",
            "classpath:db/migration/audit",
            "classpath:db/migration/notification",
            "classpath:db/migration/training",
            "classpath:db/migration/web",
            "classpath:db/migration/credits",
            "classpath:db/migration/demo")
        .load()
        .migrate();
    jdbc = new JdbcTemplate(ds);
    loader = new DemoDataLoader(jdbc, new DataSourceTransactionManager(ds), ENCODER, CLOCK);
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @Order(1)
  void loadsOnceAndOnlyOnce() {
    DemoDataSet data = DemoDataGenerator.generate();
    long start = System.nanoTime();
    assertThat(loader.load()).isTrue();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    System.out.println("Demo data load took " + took.toMillis() + " ms");
    assertThat(took).isLessThan(Duration.ofSeconds(10));

    Map<String, Integer> counts = counts();
    assertThat(counts)
        .containsEntry("institute", 2)
        .containsEntry("firm", data.firms().size())
        .containsEntry("member", data.members().size())
        .containsEntry("account", data.accounts().size())
        .containsEntry("demo_data_load", 1);
    assertThat(data.firms()).hasSize(25);
    assertThat(data.members()).hasSize(25 * 55 + 2 * 50);
    assertThat(data.accounts()).hasSize(3 + 25 + 25 * 50 + 2 * 50);

    assertThat(
            jdbc.queryForObject(
                "select count(*) from member m join firm f on f.id = m.firm_id"
                    + " where m.category = 'PRACTISING_CPA' and f.institute_code = 'SZ'",
                Integer.class))
        .isEqualTo(20 * 50);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from member where category = 'NON_PRACTISING'"
                    + " and firm_id is null and institute_code = 'BJ'",
                Integer.class))
        .isEqualTo(50);
    assertThat(
            jdbc.queryForObject("select count(distinct password_hash) from account", Integer.class))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from account a join member m on m.member_no = a.member_no"
                    + " where a.login_type = 'MEMBER' and a.account = m.member_no",
                Integer.class))
        .isEqualTo(25 * 50 + 2 * 50);
    Map<String, Object> admin =
        jdbc.queryForMap("select role, institute_code from account where account = 'admin'");
    assertThat(admin.get("role")).isEqualTo("ADMIN");
    assertThat(admin.get("institute_code")).isNull();

    String hash =
        jdbc.queryForObject(
            "select password_hash from account where login_type = 'MEMBER'"
                + " and account = '440300010001'",
            String.class);
    assertThat(ENCODER.matches("Demo@2026", hash)).isTrue();
    assertThat(ENCODER.matches("demo@2026", hash)).isFalse();

    assertThat(loader.load()).isFalse();
    assertThat(counts()).isEqualTo(counts);
  }

  @Test
  @Order(2)
  void classesInEveryStatusOfBothInstitutesWithCountersMatchingTheirRegistrations() {
    loader.load();
    for (String institute : List.of("SZ", "BJ")) {
      List<String> statuses =
          jdbc.queryForList(
              "select distinct " + STATUS + " from training_class c where c.institute_code = ?",
              String.class,
              institute);
      assertThat(statuses).as(institute).containsExactlyInAnyOrderElementsOf(STATUSES);
    }
    // Each class shows the status it is meant to show.
    for (DemoClasses.DemoClass demo : DemoClasses.on(TODAY)) {
      assertThat(
              jdbc.queryForObject(
                  "select " + STATUS + " from training_class c where c.code = ?",
                  String.class,
                  demo.input().code()))
          .as(demo.key())
          .isEqualTo(demo.intended());
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from training_class where year <> 2026"
                    + " or extract(year from registration_start) <> 2026"
                    + " or extract(year from training_end) <> 2026",
                Integer.class))
        .isZero();

    Map<String, Object> external =
        jdbc.queryForMap(
            "select c.external_url, c.published, c.cancelled, "
                + STATUS
                + " as status"
                + " from training_class c where c.external");
    assertThat(external.get("external_url")).isEqualTo("https://www.snai.edu/");
    assertThat(external.get("status")).isEqualTo("OPEN");

    assertThat(
            jdbc.queryForObject(
                "select count(*) from training_class where capacity not between 100 and 500"
                    + " or max_registrations < capacity",
                Integer.class))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from training_class where confirmation_mode = 'AUTO'",
                Integer.class))
        .isPositive();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from training_class where waitlist_enabled", Integer.class))
        .isPositive();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from training_class c where " + STATUS + " = 'OPEN'",
                Integer.class))
        .isGreaterThanOrEqualTo(3);

    // Counters equal the registration rows of every class.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from training_class c where c.registered_count <>"
                    + " (select count(*) from registration r where r.class_id = c.id"
                    + " and r.status in ('PENDING', 'CONFIRMED')) or c.confirmed_count <>"
                    + " (select count(*) from registration r where r.class_id = c.id"
                    + " and r.status = 'CONFIRMED') or c.waitlisted_count <>"
                    + " (select count(*) from registration r where r.class_id = c.id"
                    + " and r.status = 'WAITLISTED')",
                Integer.class))
        .isZero();
    Map<String, Object> withPeople =
        jdbc.queryForMap(
            "select registered_count, confirmed_count, "
                + STATUS
                + " as status"
                + " from training_class c where registered_count > 0 and "
                + STATUS
                + " <> 'FINISHED'");
    assertThat(withPeople.get("status")).isEqualTo("OPEN");
    assertThat((Integer) withPeople.get("registered_count"))
        .isGreaterThan((Integer) withPeople.get("confirmed_count"));
    assertThat((Integer) withPeople.get("confirmed_count")).isPositive();
    assertThat(jdbc.queryForList("select distinct status from registration", String.class))
        .containsExactlyInAnyOrder("PENDING", "CONFIRMED");
  }

  @Test
  @Order(3)
  void everyFirmHasPeopleCompliantAndPeopleShortAndTheTotalsAreTheSumsOfTheEntries() {
    loader.load();
    // Per firm, the members with at least 40 hours and 4 of ethics in 2026 (sums of the entries).
    List<Map<String, Object>> firms =
        jdbc.queryForList(
            "select f.firm_no,"
                + " count(*) filter (where coalesce(h.hours, 0) >= 40"
                + " and coalesce(h.ethics, 0) >= 4) as compliant,"
                + " count(*) filter (where coalesce(h.hours, 0) < 40"
                + " or coalesce(h.ethics, 0) < 4) as short"
                + " from member m join firm f on f.id = m.firm_id"
                + " left join (select member_no, sum(hours) as hours, sum(ethics_hours) as ethics"
                + " from hour_entry where year = 2026 group by member_no) h"
                + " on h.member_no = m.member_no"
                + " where m.category = 'PRACTISING_CPA' group by f.firm_no");
    assertThat(firms).hasSize(25);
    assertThat(firms)
        .allSatisfy(
            f -> {
              assertThat(((Number) f.get("compliant")).intValue())
                  .as("compliant in " + f.get("firm_no"))
                  .isEqualTo(DemoHours.COMPLIANT.size());
              assertThat(((Number) f.get("short")).intValue())
                  .as("short in " + f.get("firm_no"))
                  .isEqualTo(50 - DemoHours.COMPLIANT.size());
            });
    // Some short people have hours, short of the total or of ethics.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from (select member_no from hour_entry where year = 2026"
                    + " group by member_no having sum(hours) >= 40 and sum(ethics_hours) < 4) x",
                Integer.class))
        .isEqualTo(25);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from (select member_no from hour_entry where year = 2026"
                    + " group by member_no having sum(hours) < 40) x",
                Integer.class))
        .isEqualTo(25 * 8);
    // hour_total is the sum of the entries, per member, year and category.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from (select member_no, year, category, sum(hours) as hours,"
                    + " sum(ethics_hours) as ethics from hour_entry"
                    + " group by member_no, year, category) e"
                    + " full join hour_total t using (member_no, year, category)"
                    + " where t.hours is distinct from e.hours"
                    + " or t.ethics_hours is distinct from e.ethics",
                Integer.class))
        .isZero();
    // One TRAINING entry per attended registration, with its class's hours, year and last day.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from registration r join training_class c on c.id = r.class_id"
                    + " where r.attendance = 'ATTENDED' and not exists (select 1 from hour_entry e"
                    + " where e.source = 'REGISTRATION' and e.source_id = r.id"
                    + " and e.category = 'TRAINING' and e.hours = c.hours"
                    + " and e.ethics_hours = c.ethics_hours and e.year = c.year"
                    + " and e.entry_date = c.training_end and e.note = c.name)",
                Integer.class))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from hour_entry where source = 'REGISTRATION'", Integer.class))
        .isEqualTo(
            jdbc.queryForObject(
                "select count(*) from registration where attendance = 'ATTENDED'", Integer.class));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from hour_entry where source = 'MANUAL' and category = 'EXTERNAL'"
                    + " and note like '三院%'",
                Integer.class))
        .isEqualTo(25 * 3);
    // The no-shows: confirmed, absent, not declared, in a class that has ended.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from registration r join training_class c on c.id = r.class_id"
                    + " where c.training_end < date '2026-06-15' and r.status = 'CONFIRMED'"
                    + " and r.attendance = 'ABSENT' and r.non_attendance_reason is null",
                Integer.class))
        .isEqualTo(25 * DemoHours.NO_SHOWS.size());
    // The people tests name (serials 1 to 20 of each firm) have no hours.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from hour_entry where right(member_no, 4)::int <= 20",
                Integer.class))
        .isZero();
  }

  private static Map<String, Integer> counts() {
    return Map.of(
        "institute", count("institute"),
        "firm", count("firm"),
        "member", count("member"),
        "account", count("account"),
        "demo_data_load", count("demo_data_load"));
  }

  private static int count(String table) {
    Integer count = jdbc.queryForObject("select count(*) from " + table, Integer.class);
    return count == null ? -1 : count;
  }
}
