package org.cmis.identity.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.Role;
import org.cmis.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Eight administrators create the same staff account at once (a double click, two tabs): exactly
 * one account exists afterwards, one temporary password was sent, and every other attempt is the
 * "account taken" 422, never a 500.
 */
@IntegrationTest
class StaffAccountRaceTest {

  private static final CurrentUser ADMIN =
      new CurrentUser(-1, Role.ADMIN, "admin", "管理员", null, null, null);

  @Autowired StaffAccounts staff;
  @Autowired JdbcClient jdbc;

  @Test
  void oneAccountWhateverTheRace() throws Exception {
    String name = "race-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> outcomes = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      outcomes.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  staff.create(
                      new StaffAccounts.NewStaff(
                          name, "并发", "SZ", name + "@example.cn", "", "REVIEWER"),
                      ADMIN,
                      "127.0.0.1");
                  return "CREATED";
                } catch (CmisException e) {
                  assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                  assertThat(e.errors())
                      .singleElement()
                      .extracting(f -> f.message())
                      .isEqualTo("admin.staff.error.accountTaken");
                  return "TAKEN";
                }
              }));
    }
    start.countDown();
    List<String> results = new ArrayList<>();
    for (Future<String> f : outcomes) {
      results.add(f.get(30, TimeUnit.SECONDS));
    }
    pool.shutdown();
    assertThat(results).containsOnlyOnce("CREATED");
    assertThat(results).filteredOn("TAKEN"::equals).hasSize(threads - 1);
    long id =
        jdbc.sql("select id from account where login_type = 'STAFF' and account = :a")
            .param("a", name)
            .query(Long.class)
            .single();
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'STAFF_ACCOUNT_CREATED'"
                        + " and entity_id = :id")
                .param("id", "" + id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from message where account_id = :id")
                .param("id", id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}
