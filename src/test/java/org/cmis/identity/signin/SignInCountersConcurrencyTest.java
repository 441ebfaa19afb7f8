package org.cmis.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cmis.identity.LoginType;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Failures counted from many threads at once are all counted: the lock-out and the address throttle
 * cannot be dodged by firing attempts in parallel (one upsert per failure).
 */
@IntegrationTest
class SignInCountersConcurrencyTest {

  @Autowired SignInCounters counters;
  @Autowired JdbcClient jdbc;

  @Test
  void parallelFailuresAreAllCounted() throws Exception {
    String account = "parallel-" + System.nanoTime();
    String address = TestAccounts.address();
    int threads = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> locked = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        locked.add(
            pool.submit(
                () -> {
                  start.await();
                  counters.addressFailed(address, Instant.now());
                  return counters.accountFailed(LoginType.MEMBER, account, Instant.now());
                }));
      }
      start.countDown();
      long lockedAnswers = 0;
      for (Future<Boolean> f : locked) {
        lockedAnswers += f.get() ? 1 : 0;
      }
      assertThat(lockedAnswers).isEqualTo(threads - 4);
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            jdbc.sql("select failures from login_failure where account = :a")
                .param("a", account)
                .query(Integer.class)
                .single())
        .isEqualTo(threads);
    assertThat(
            jdbc.sql("select failures from address_failure where address = :a")
                .param("a", address)
                .query(Integer.class)
                .single())
        .isEqualTo(threads);
    assertThat(counters.lockedUntil(LoginType.MEMBER, account, Instant.now())).isPresent();
    assertThat(counters.addressBlockedFor(address, Instant.now())).isPresent();
  }
}
