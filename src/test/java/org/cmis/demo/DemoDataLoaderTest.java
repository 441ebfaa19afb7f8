package org.cmis.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class DemoDataLoaderTest {

  private static EmbeddedPostgres postgres;
  private static JdbcTemplate jdbc;
  private static DemoDataLoader loader;
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
            "classpath:db/migration/membership",
            "classpath:db/migration/identity",
            "classpath:db/migration/audit",
            "classpath:db/migration/notification",
            "classpath:db/migration/demo")
        .load()
        .migrate();
    jdbc = new JdbcTemplate(ds);
    loader = new DemoDataLoader(jdbc, new DataSourceTransactionManager(ds), ENCODER);
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
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
