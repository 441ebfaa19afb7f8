package org.cmis.identity.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.cmis.identity.account.Account;
import org.cmis.identity.account.AccountRepository;
import org.cmis.identity.security.IdentityProperties;
import org.cmis.shared.AuditEvent;
import org.cmis.shared.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Opaque API tokens (F1.7): 256 random bits given to the caller once, stored only as their SHA-256,
 * expiring after {@code cmis.security.token-ttl} and revocable.
 */
@Service
public class ApiTokenService {

  private final JdbcClient jdbc;
  private final AccountRepository accounts;
  private final IdentityProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TokenCache cache;
  private final SecureRandom random = new SecureRandom();

  ApiTokenService(
      JdbcClient jdbc,
      AccountRepository accounts,
      IdentityProperties properties,
      ApplicationEventPublisher events,
      Clock clock,
      TokenCache cache) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.properties = properties;
    this.events = events;
    this.clock = clock;
    this.cache = cache;
  }

  /** A new token for a signed-in account. */
  @Transactional
  public IssuedToken issue(Account account, String address) {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = clock.instant();
    Instant expires = now.plus(properties.tokenTtl());
    jdbc.sql(
            "insert into api_token (token_hash, account_id, created_at, expires_at)"
                + " values (:hash, :account, :now, :expires)")
        .param("hash", hash(token))
        .param("account", account.id())
        .param("now", at(now))
        .param("expires", at(expires))
        .update();
    events.publishEvent(
        new AuditEvent(
            account.account(),
            "API_TOKEN_ISSUED",
            "Account",
            "" + account.id(),
            address,
            null,
            null));
    return new IssuedToken(token, expires);
  }

  /**
   * The account of a live token: known, not expired, not revoked, account enabled. Answered from
   * the {@link TokenCache} when this instance hears every token change, else by one query; a
   * revoked token stops working at once on every instance (ADR 0010).
   */
  public Optional<CurrentUser> authenticate(String token) {
    if (token.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    String hash = hash(token);
    Instant now = clock.instant();
    return cache.get(hash, now, () -> accounts.findByLiveToken(hash, now));
  }

  /** Ends one token. */
  @Transactional
  public void revoke(String token) {
    jdbc.sql(
            "update api_token set revoked_at = :now where token_hash = :hash and revoked_at is null")
        .param("now", at(clock.instant()))
        .param("hash", hash(token))
        .update();
    afterCommit(() -> cache.evictToken(hash(token)));
  }

  /** Ends every token of an account (after a password reset). */
  @Transactional
  public void revokeAll(long accountId) {
    jdbc.sql(
            "update api_token set revoked_at = :now where account_id = :account"
                + " and revoked_at is null")
        .param("now", at(clock.instant()))
        .param("account", accountId)
        .update();
    afterCommit(() -> cache.evictAccount(accountId));
  }

  /**
   * This instance forgets the change's tokens once it is committed (the trigger's notification
   * tells every instance too, a moment later): evicted before the commit, a check in between could
   * read and keep the token still live.
   */
  private static void afterCommit(Runnable eviction) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              eviction.run();
            }
          });
    } else {
      eviction.run();
    }
  }

  /** The SHA-256 of a secret, in lower-case hex. */
  public static String hash(String secret) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** A token as given to its owner, once. */
  public record IssuedToken(String token, Instant expiresAt) {}
}
