package org.cmis.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.cmis.identity.account.Account;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Token checks are cached, and a revocation still ends a token at once: on this instance after the
 * commit, on every other one when the database tells them (ADR 0010). Changes made by plain SQL
 * stand for another instance's.
 */
@IntegrationTest
class TokenRevocationTest {

  @Autowired ApiTokenService tokens;
  @Autowired TokenCache cache;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void cacheHearsChanges() {
    // the token change listener is connected
    await().atMost(Duration.ofSeconds(10)).until(cache::live);
  }

  private String issued(Account account) {
    return tokens.issue(account, "127.0.0.1").token();
  }

  /** Fails unless the token stops working within 2 s (the notification's way to this instance). */
  private void endsSoon(String token) {
    await()
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(5))
        .until(() -> tokens.authenticate(token).isEmpty());
  }

  @Test
  void aTokenRevokedElsewhereStopsWhenTheDatabaseTellsThisInstance() {
    String token = issued(accounts.staff(false));
    assertThat(tokens.authenticate(token)).isPresent();
    assertThat(tokens.authenticate(token)).isPresent(); // kept

    jdbc.sql("update api_token set revoked_at = now() where token_hash = :h")
        .param("h", ApiTokenService.hash(token))
        .update();

    endsSoon(token);
  }

  @Test
  void aDisabledOrChangedAccountIsReadAgain() {
    Account account = accounts.staff(false);
    String first = issued(account);
    String second = issued(account);
    assertThat(tokens.authenticate(first)).isPresent();
    assertThat(tokens.authenticate(second)).isPresent();

    jdbc.sql("update account set display_name = '改名' where id = :id")
        .param("id", account.id())
        .update();
    await()
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(5))
        .until(() -> tokens.authenticate(first).orElseThrow().displayName().equals("改名"));

    jdbc.sql("update account set enabled = false where id = :id")
        .param("id", account.id())
        .update();
    endsSoon(first);
    assertThat(tokens.authenticate(second)).isEmpty();
  }

  @Test
  void noCheckStartedAfterARevocationReturnedSeesTheTokenLive() throws Exception {
    String token = issued(accounts.staff(false));
    assertThat(tokens.authenticate(token)).isPresent();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch started = new CountDownLatch(threads);
    // the start time of every check that found the token live
    ConcurrentLinkedQueue<Long> liveChecks = new ConcurrentLinkedQueue<>();
    AtomicLong checks = new AtomicLong();
    try {
      for (int i = 0; i < threads; i++) {
        pool.execute(
            () -> {
              started.countDown();
              while (!stop.get()) {
                long at = System.nanoTime();
                if (tokens.authenticate(token).isPresent()) {
                  liveChecks.add(at);
                }
                checks.incrementAndGet();
              }
            });
      }
      started.await();
      await().until(() -> liveChecks.size() > 100);
      tokens.revoke(token);
      long revoked = System.nanoTime();
      long checked = checks.get();
      await().until(() -> checks.get() > checked + 1_000);
      stop.set(true);
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

      List<Long> late = liveChecks.stream().filter(at -> at > revoked).toList();
      assertThat(liveChecks).isNotEmpty();
      assertThat(late).as("checks started after the revocation returned").isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void emptyingTheTokenTableIsTold() {
    String token = issued(accounts.staff(false));
    assertThat(tokens.authenticate(token)).isPresent();
    jdbc.sql("truncate api_token").update();
    endsSoon(token);
  }
}
