package org.cmis.credits.certificate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often one client address may look a certificate up (the page and the API together): {@code
 * cmis.certificates.verify-per-minute} (30) a minute, refilled steadily, one bucket4j bucket per
 * address kept in memory on each instance (ADR 0020): a throttle against guessing and scraping, not
 * an account of record, so it need not be shared between instances. Buckets of addresses not seen
 * for two minutes are forgotten; at most 100,000 are kept.
 */
@Component
class VerifyThrottle {

  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(2)).maximumSize(100_000).build();
  private final int perMinute;

  VerifyThrottle(@Value("${cmis.certificates.verify-per-minute:30}") int perMinute) {
    this.perMinute = Math.max(1, perMinute);
  }

  /** Whether the address may look one more code up now (and counts it). */
  boolean allow(String address) {
    return buckets.get(address, a -> newBucket()).tryConsume(1);
  }

  /** How long a refused address should wait, as {@code Retry-After} says it. */
  Duration retryAfter() {
    return Duration.ofSeconds(Math.max(1, 60 / perMinute));
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1))
                .build())
        .build();
  }
}
