package org.cmis.identity.signin;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.cmis.identity.LoginType;
import org.cmis.identity.security.IdentityProperties;
import org.cmis.settings.Settings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The failure counters of sign-in, kept in PostgreSQL so that pages, API and every app instance
 * share them. Each change is one statement, so concurrent failures are all counted.
 */
@Component
class SignInCounters {

  private final JdbcClient jdbc;
  private final IdentityProperties properties;
  private final Settings settings;

  SignInCounters(JdbcClient jdbc, IdentityProperties properties, Settings settings) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.settings = settings;
  }

  /** Failures in a row that lock an account: the administrator's setting, else configuration. */
  int maxFailures() {
    return positive(settings.stored("security.lockout.max-failures"))
        .orElse(properties.lockout().maxFailures());
  }

  /** How long a lock lasts: the administrator's setting (minutes), else configuration. */
  Duration lockDuration() {
    return positive(settings.stored("security.lockout.duration-minutes"))
        .map(Duration::ofMinutes)
        .orElse(properties.lockout().duration());
  }

  private static Optional<Integer> positive(Optional<String> stored) {
    return stored.filter(v -> v.matches("[0-9]{1,5}")).map(Integer::parseInt).filter(n -> n > 0);
  }

  /** When the account is locked now, until when. */
  Optional<Instant> lockedUntil(LoginType type, String account, Instant now) {
    return jdbc.sql(
            "select locked_until from login_failure where login_type = :type"
                + " and account = :account and locked_until > :now")
        .param("type", type.name())
        .param("account", account)
        .param("now", at(now))
        .query(OffsetDateTime.class)
        .optional()
        .map(OffsetDateTime::toInstant);
  }

  /** Counts one more failure in a row; answers whether the account is now locked. */
  boolean accountFailed(LoginType type, String account, Instant now) {
    // A lock that has run out starts a fresh count.
    String fresh =
        "(login_failure.locked_until is not null and login_failure.locked_until <= :now)";
    String next = "(case when " + fresh + " then 1 else login_failure.failures + 1 end)";
    return jdbc.sql(
            "insert into login_failure (login_type, account, failures, locked_until,"
                + " last_failure_at) values (:type, :account, 1,"
                + " case when 1 >= :max then :lockUntil end, :now)"
                + " on conflict (login_type, account) do update set failures = "
                + next
                + ", locked_until = case when "
                + next
                + " >= :max then :lockUntil when "
                + fresh
                + " then null else login_failure.locked_until end, last_failure_at = :now"
                + " returning locked_until is not null and locked_until > :now")
        .param("type", type.name())
        .param("account", account)
        .param("now", at(now))
        .param("max", maxFailures())
        .param("lockUntil", at(now.plus(lockDuration())))
        .query(Boolean.class)
        .single();
  }

  void accountSucceeded(LoginType type, String account) {
    jdbc.sql("delete from login_failure where login_type = :type and account = :account")
        .param("type", type.name())
        .param("account", account)
        .update();
  }

  /** When the address is refused now, for how much longer. */
  Optional<Duration> addressBlockedFor(String address, Instant now) {
    return jdbc.sql(
            "select window_start from address_failure where address = :address"
                + " and window_start > :windowFloor and failures >= :max")
        .param("address", address)
        .param("windowFloor", at(now.minus(properties.addressThrottle().window())))
        .param("max", properties.addressThrottle().maxFailures())
        .query(OffsetDateTime.class)
        .optional()
        .map(start -> remaining(start.toInstant(), now));
  }

  /** Counts one failure of the address; answers how long it is refused, if it now is. */
  Optional<Duration> addressFailed(String address, Instant now) {
    OffsetDateTime start =
        jdbc.sql(
                "insert into address_failure (address, window_start, failures)"
                    + " values (:address, :now, 1) on conflict (address) do update set"
                    + " failures = case when address_failure.window_start <= :windowFloor then 1"
                    + " else address_failure.failures + 1 end,"
                    + " window_start = case when address_failure.window_start <= :windowFloor"
                    + " then :now else address_failure.window_start end"
                    + " returning case when failures > :max then window_start end")
            .param("address", address)
            .param("now", at(now))
            .param("windowFloor", at(now.minus(properties.addressThrottle().window())))
            .param("max", properties.addressThrottle().maxFailures())
            .query(OffsetDateTime.class)
            .optional()
            .orElse(null);
    return Optional.ofNullable(start).map(s -> remaining(s.toInstant(), now));
  }

  private Duration remaining(Instant windowStart, Instant now) {
    Duration left = Duration.between(now, windowStart.plus(properties.addressThrottle().window()));
    return left.isNegative() ? Duration.ofSeconds(1) : left;
  }

  private static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
