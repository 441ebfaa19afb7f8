package org.cmis.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
  void cacheHearsChanges() throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!cache.live() && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertThat(cache.live()).as("the token change listener is connected").isTrue();
  }

  private String issued(Account account) {
    return tokens.issue(account, "127.0.0.1").token();
  }

  /** Waits up to 5 s for a token to stop working; answers how long it took. */
  private Duration endsWithin(String token) throws InterruptedException {
    long start = System.nanoTime();
    while (tokens.authenticate(token).isPresent()) {
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      Thread.sleep(5);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Test
  void aTokenRevokedElsewhereStopsWhenTheDatabaseTellsThisInstance() throws Exception {
    String token = issued(accounts.staff(false));
    assertThat(tokens.authenticate(token)).isPresent();
    assertThat(tokens.authenticate(token)).isPresent(); // kept

    jdbc.sql("update api_token set revoked_at = now() where token_hash = :h")
        .param("h", ApiTokenService.hash(token))
        .update();

    assertThat(endsWithin(token)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aDisabledOrChangedAccountIsReadAgain() throws Exception {
    Account account = accounts.staff(false);
    String first = issued(account);
    String second = issued(account);
    assertThat(tokens.authenticate(first)).isPresent();
    assertThat(tokens.authenticate(second)).isPresent();

    jdbc.sql("update account set display_name = '改名' where id = :id")
        .param("id", account.id())
        .update();
    long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!tokens.authenticate(first).orElseThrow().displayName().equals("改名")) {
      assertThat(System.nanoTime()).isLessThan(until);
      Thread.sleep(5);
    }

    jdbc.sql("update account set enabled = false where id = :id")
        .param("id", account.id())
        .update();
    assertThat(endsWithin(first)).isLessThan(Duration.ofSeconds(2));
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
              }
            });
      }
      started.await();
      Thread.sleep(100);
      tokens.revoke(token);
      long revoked = System.nanoTime();
      Thread.sleep(200);
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
  void emptyingTheTokenTableIsTold() throws Exception {
    String token = issued(accounts.staff(false));
    assertThat(tokens.authenticate(token)).isPresent();
    jdbc.sql("truncate api_token").update();
    assertThat(endsWithin(token)).isLessThan(Duration.ofSeconds(2));
  }
}
