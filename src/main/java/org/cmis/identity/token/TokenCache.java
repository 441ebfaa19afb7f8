package org.cmis.identity.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.cmis.identity.account.AccountRepository.TokenOwner;
import org.cmis.identity.security.IdentityProperties;
import org.cmis.shared.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The answers of API token checks, kept for {@code cmis.security.token-cache-ttl} (ADR 0010) so
 * that a request does not cost a query for its token. Only live tokens are kept, and only while
 * this instance hears every change that can end one ({@link TokenChangeListener}); otherwise every
 * check asks the database, as it did before the cache.
 *
 * <p>An answer read from the database is kept only if nothing was evicted while it was read: an
 * eviction first moves {@link #generation} on and then removes, and a reader puts its answer only
 * if the generation has not moved, in a step that evictions wait for (a read-write lock: readers
 * share it, evictions are rare). So a revocation told during the read can neither be missed nor be
 * followed by a moment in which the revoked token is found kept.
 */
@Component
class TokenCache {

  private record Entry(CurrentUser user, long accountId, Instant expiresAt) {}

  private final Cache<String, Entry> entries;
  private final AtomicLong generation = new AtomicLong();
  private final ReadWriteLock keeping = new ReentrantReadWriteLock();
  private final boolean enabled;
  private volatile boolean live;

  TokenCache(IdentityProperties properties) {
    this.enabled = !properties.tokenCacheTtl().isNegative() && !properties.tokenCacheTtl().isZero();
    this.entries =
        Caffeine.newBuilder()
            .expireAfterWrite(
                enabled ? properties.tokenCacheTtl() : java.time.Duration.ofSeconds(1))
            .maximumSize(100_000)
            .build();
  }

  /** The owner of a live token, from the cache or else from {@code load}. */
  Optional<CurrentUser> get(String tokenHash, Instant now, Supplier<Optional<TokenOwner>> load) {
    if (!enabled || !live) {
      return load.get().map(owner -> owner.account().toCurrentUser());
    }
    Entry kept = entries.getIfPresent(tokenHash);
    if (kept != null && kept.expiresAt().isAfter(now)) {
      return Optional.of(kept.user());
    }
    long before = generation.get();
    Optional<TokenOwner> owner = load.get();
    owner.ifPresent(
        o -> {
          CurrentUser user = o.account().toCurrentUser();
          Entry read = new Entry(user, user.accountId(), o.expiresAt());
          // evictions wait for this step: kept only if nothing was evicted since the read
          keeping.readLock().lock();
          try {
            if (generation.get() == before && live) {
              entries.put(tokenHash, read);
            }
          } finally {
            keeping.readLock().unlock();
          }
        });
    return owner.map(o -> o.account().toCurrentUser());
  }

  boolean enabled() {
    return enabled;
  }

  /** One token changed (revoked, its expiry moved, deleted). */
  void evictToken(String tokenHash) {
    evict(() -> entries.invalidate(tokenHash));
  }

  /** An account changed: every token of it is read again. */
  void evictAccount(long accountId) {
    evict(() -> entries.asMap().values().removeIf(e -> e.accountId() == accountId));
  }

  private void evict(Runnable removal) {
    keeping.writeLock().lock();
    try {
      generation.incrementAndGet();
      removal.run();
    } finally {
      keeping.writeLock().unlock();
    }
  }

  /** A change told through the channel: {@code token:<hash>} or {@code account:<id>}. */
  void told(String change) {
    if (change.startsWith("token:")) {
      evictToken(change.substring("token:".length()));
    } else if (change.startsWith("account:")) {
      try {
        evictAccount(Long.parseLong(change.substring("account:".length())));
      } catch (NumberFormatException e) {
        clear();
      }
    } else {
      clear();
    }
  }

  /**
   * Whether every change is heard from now on. Both ways the cache starts empty: what was kept
   * before may have missed a change.
   */
  void live(boolean hearing) {
    live = false;
    clear();
    live = hearing;
  }

  boolean live() {
    return live;
  }

  private void clear() {
    evict(entries::invalidateAll);
  }
}
