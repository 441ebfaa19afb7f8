package org.cmis.identity.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cmis.identity.reset.ResetFixtures.json;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cmis.identity.account.Account;
import org.cmis.identity.account.AccountRepository;
import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Under concurrency: reviewers deciding one application at once from many threads make one decision
 * and one temporary password; submissions for one account at once stay within the open limit.
 */
@IntegrationTest
class ResetConcurrencyTest {

  private static final int THREADS = 12;

  @Autowired MockMvcTester mvc;
  @Autowired AccountRepository accounts;
  @Autowired PasswordEncoder encoder;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Test
  void reviewersDecidingAtOnceMakeOneDecision() throws Exception {
    Account member = ResetFixtures.member(accounts, encoder, "SZ", true);
    var submitted =
        ResetFixtures.submit(
            mvc,
            TestAccounts.address(),
            ResetFixtures.fields(member.account(), clock),
            ResetFixtures.files());
    String number = json(submitted, "$.trackingNumber");
    String first = ApiTokens.demo(mvc, "STAFF", "sz-staff");
    String second = ApiTokens.demo(mvc, "STAFF", "sz-staff");
    List<Integer> statuses =
        race(
            i ->
                i % 3 == 2
                    ? mvc.post()
                        .uri("/api/v1/password-reset-applications/" + number + "/return")
                        .header("Authorization", "Bearer " + (i % 2 == 0 ? first : second))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"材料不全\"}")
                        .exchange()
                        .getResponse()
                        .getStatus()
                    : mvc.post()
                        .uri("/api/v1/password-reset-applications/" + number + "/approve")
                        .header("Authorization", "Bearer " + (i % 2 == 0 ? first : second))
                        .exchange()
                        .getResponse()
                        .getStatus());
    assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
    assertThat(statuses.stream().filter(s -> s == 409)).hasSize(THREADS - 1);
    List<String> decisions =
        jdbc.sql(
                "select action from audit_entry where entity_type = 'PasswordResetApplication'"
                    + " and entity_id = :n and action in ('PASSWORD_RESET_APPLICATION_APPROVED',"
                    + " 'PASSWORD_RESET_APPLICATION_RETURNED')")
            .param("n", ResetFixtures.raw(number))
            .query(String.class)
            .list();
    assertThat(decisions).hasSize(1);
    long passwords =
        jdbc.sql(
                "select count(*) from audit_entry where action = 'PASSWORD_RESET_BY_APPLICATION'"
                    + " and entity_id = :id")
            .param("id", "" + member.id())
            .query(Long.class)
            .single();
    boolean approved = decisions.get(0).endsWith("APPROVED");
    assertThat(passwords).isEqualTo(approved ? 1 : 0);
    assertThat(accounts.findById(member.id()).orElseThrow().mustChangePassword())
        .isEqualTo(approved);
  }

  @Test
  void submissionsAtOnceStayWithinTheOpenLimit() throws Exception {
    Account member = ResetFixtures.member(accounts, encoder, "SZ", true);
    List<Integer> statuses =
        race(
            i ->
                ResetFixtures.submit(
                        mvc,
                        TestAccounts.address(),
                        ResetFixtures.fields(member.account(), clock),
                        ResetFixtures.files())
                    .getResponse()
                    .getStatus());
    assertThat(statuses.stream().filter(s -> s == 201)).hasSize(3);
    assertThat(statuses.stream().filter(s -> s == 429)).hasSize(THREADS - 3);
    assertThat(
            jdbc.sql("select count(*) from reset_application where account = :a")
                .param("a", member.account())
                .query(Long.class)
                .single())
        .isEqualTo(3);
  }

  interface Attempt {
    int run(int i) throws Exception;
  }

  private static List<Integer> race(Attempt attempt) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        int n = i;
        Callable<Integer> task =
            () -> {
              start.await();
              return attempt.run(n);
            };
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : futures) {
        statuses.add(f.get());
      }
      return statuses;
    } finally {
      pool.shutdown();
    }
  }
}
