package org.cmis.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.cmis.identity.LoginType;
import org.cmis.identity.account.Account;
import org.cmis.identity.account.AccountRepository.TokenOwner;
import org.cmis.identity.security.IdentityProperties;
import org.cmis.shared.Role;
import org.junit.jupiter.api.Test;

/** What the token check's cache keeps and forgets (ADR 0010). */
class TokenCacheTest {

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  private static IdentityProperties properties(Duration cacheTtl) {
    return new IdentityProperties(
        new IdentityProperties.Captcha(true, Duration.ofMinutes(2)),
        new IdentityProperties.Lockout(5, Duration.ofMinutes(15)),
        new IdentityProperties.AddressThrottle(30, Duration.ofMinutes(1)),
        Duration.ofHours(8),
        cacheTtl,
        Duration.ofMinutes(30));
  }

  private static TokenOwner owner(long accountId, Instant expires) {
    Account a =
        new Account(
            accountId,
            LoginType.MEMBER,
            Role.MEMBER,
            "440300010001",
            "{noop}x",
            "张三",
            "SZ",
            "44030001",
            "440300010001",
            "",
            "",
            false,
            true);
    return new TokenOwner(a, expires);
  }

  /** A database read that counts its calls. */
  private static final class Reads implements Supplier<Optional<TokenOwner>> {
    final AtomicInteger count = new AtomicInteger();
    Optional<TokenOwner> answer;

    Reads(Optional<TokenOwner> answer) {
      this.answer = answer;
    }

    @Override
    public Optional<TokenOwner> get() {
      count.incrementAndGet();
      return answer;
    }
  }

  private static TokenCache liveCache() {
    TokenCache cache = new TokenCache(properties(Duration.ofSeconds(30)));
    cache.live(true);
    return cache;
  }

  @Test
  void aLiveTokenIsReadOnceWhileChangesAreHeard() {
    TokenCache cache = liveCache();
    Reads reads = new Reads(Optional.of(owner(7, NOW.plusSeconds(3600))));
    for (int i = 0; i < 5; i++) {
      assertThat(cache.get("h", NOW, reads)).map(u -> u.accountId()).contains(7L);
    }
    assertThat(reads.count).hasValue(1);
  }

  @Test
  void withoutHearingChangesEveryCheckAsksTheDatabase() {
    TokenCache cache = new TokenCache(properties(Duration.ofSeconds(30)));
    Reads reads = new Reads(Optional.of(owner(7, NOW.plusSeconds(3600))));
    cache.get("h", NOW, reads);
    cache.get("h", NOW, reads);
    assertThat(reads.count).hasValue(2);

    TokenCache off = new TokenCache(properties(Duration.ZERO));
    off.live(true);
    off.get("h", NOW, reads);
    off.get("h", NOW, reads);
    assertThat(reads.count).hasValue(4);
  }

  @Test
  void unknownTokensAreNotKept() {
    TokenCache cache = liveCache();
    Reads reads = new Reads(Optional.empty());
    assertThat(cache.get("h", NOW, reads)).isEmpty();
    assertThat(cache.get("h", NOW, reads)).isEmpty();
    assertThat(reads.count).hasValue(2);
  }

  @Test
  void aKeptTokenStopsAtItsOwnExpiry() {
    TokenCache cache = liveCache();
    Reads reads = new Reads(Optional.of(owner(7, NOW.plusSeconds(5))));
    cache.get("h", NOW, reads);
    reads.answer = Optional.empty(); // the database no longer finds it: it expired
    assertThat(cache.get("h", NOW.plusSeconds(5), reads)).isEmpty();
    assertThat(reads.count).hasValue(2);
  }

  @Test
  void toldChangesEvictTheTokenOrEveryTokenOfTheAccount() {
    TokenCache cache = liveCache();
    Reads a = new Reads(Optional.of(owner(7, NOW.plusSeconds(3600))));
    Reads b = new Reads(Optional.of(owner(7, NOW.plusSeconds(3600))));
    Reads c = new Reads(Optional.of(owner(8, NOW.plusSeconds(3600))));
    cache.get("a", NOW, a);
    cache.get("b", NOW, b);
    cache.get("c", NOW, c);

    cache.told("token:a");
    cache.get("a", NOW, a);
    cache.get("b", NOW, b);
    assertThat(a.count).hasValue(2);
    assertThat(b.count).hasValue(1);

    cache.told("account:7");
    cache.get("a", NOW, a);
    cache.get("b", NOW, b);
    cache.get("c", NOW, c);
    assertThat(a.count).hasValue(3);
    assertThat(b.count).hasValue(2);
    assertThat(c.count).hasValue(1);

    cache.told("something new"); // not understood: forget everything
    cache.get("c", NOW, c);
    assertThat(c.count).hasValue(2);
  }

  @Test
  void aRevocationToldWhileTheTokenIsReadIsNotLeftBehind() {
    TokenCache cache = liveCache();
    TokenOwner live = owner(7, NOW.plusSeconds(3600));
    // the read sees the token live, and the revocation is told before the read is kept
    Supplier<Optional<TokenOwner>> racing =
        () -> {
          cache.told("token:h");
          return Optional.of(live);
        };
    assertThat(cache.get("h", NOW, racing)).isPresent();
    Reads after = new Reads(Optional.empty());
    assertThat(cache.get("h", NOW, after)).isEmpty();
    assertThat(after.count).hasValue(1);
  }

  @Test
  void losingTheChannelEmptiesTheCache() {
    TokenCache cache = liveCache();
    Reads reads = new Reads(Optional.of(owner(7, NOW.plusSeconds(3600))));
    cache.get("h", NOW, reads);
    cache.live(false);
    cache.live(true);
    cache.get("h", NOW, reads);
    assertThat(reads.count).hasValue(2);
  }

  @Test
  void noCheckStartedAfterAnEvictionReturnedFindsTheTokenKept() throws Exception {
    TokenCache cache = liveCache();
    int rounds = 300;
    int threads = 6;
    java.util.concurrent.atomic.AtomicInteger late =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < rounds; round++) {
        String key = "h" + round;
        java.util.concurrent.atomic.AtomicBoolean revoked =
            new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean evicted =
            new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(threads);
        Supplier<Optional<TokenOwner>> database =
            () -> {
              boolean gone = revoked.get();
              Thread.yield(); // widen the window between the read and keeping it
              return gone ? Optional.empty() : Optional.of(owner(7, NOW.plusSeconds(3600)));
            };
        for (int t = 0; t < threads; t++) {
          pool.execute(
              () -> {
                try {
                  for (int i = 0; i < 200; i++) {
                    boolean after = evicted.get();
                    if (cache.get(key, NOW, database).isPresent() && after) {
                      late.incrementAndGet();
                    }
                  }
                } finally {
                  done.countDown();
                }
              });
        }
        Thread.yield();
        revoked.set(true); // committed
        cache.evictToken(key); // told
        evicted.set(true);
        done.await();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(late).as("checks that began after the eviction and found the token").hasValue(0);
  }
}
