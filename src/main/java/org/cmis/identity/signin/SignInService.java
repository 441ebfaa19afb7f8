package org.cmis.identity.signin;

import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.cmis.identity.LoginType;
import org.cmis.identity.account.Account;
import org.cmis.identity.account.AccountRepository;
import org.cmis.shared.AuditEvent;
import org.cmis.shared.CmisException;
import org.cmis.shared.ErrorCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a user type, account and password (F1.1), shared by the sign-in page and the token API.
 * Unknown accounts and wrong passwords get the same answer and are counted and locked alike, so the
 * answers never tell whether an account exists.
 */
@Service
public class SignInService {

  private final AccountRepository accounts;
  private final SignInCounters counters;
  private final PasswordEncoder encoder;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final String unknownAccountHash;

  SignInService(
      AccountRepository accounts,
      SignInCounters counters,
      PasswordEncoder encoder,
      ApplicationEventPublisher events,
      Clock clock) {
    this.accounts = accounts;
    this.counters = counters;
    this.encoder = encoder;
    this.events = events;
    this.clock = clock;
    // Checked against for unknown accounts, so that they take as long as known ones.
    this.unknownAccountHash = encoder.encode("unknown-account-placeholder");
  }

  /**
   * The account when the password is right; otherwise a {@link CmisException} with BAD_CREDENTIALS,
   * ACCOUNT_LOCKED or TOO_MANY_ATTEMPTS. Failures are committed even though the answer is a
   * refusal.
   */
  @Transactional(noRollbackFor = CmisException.class)
  public Account signIn(LoginType type, String account, String password, String address) {
    Instant now = clock.instant();
    Optional<Duration> blocked = counters.addressBlockedFor(address, now);
    if (blocked.isPresent()) {
      Metrics.counter("cmis.signin.failures", "reason", "TOO_MANY_ATTEMPTS").increment();
      throw tooMany(blocked.get());
    }
    if (counters.lockedUntil(type, account, now).isPresent()) {
      Metrics.counter("cmis.signin.failures", "reason", "ACCOUNT_LOCKED").increment();
      fail(address, now, type, account, "SIGN_IN_LOCKED");
      throw locked();
    }
    Optional<Account> found = accounts.find(type, account).filter(Account::enabled);
    boolean matches =
        encoder.matches(password, found.map(Account::passwordHash).orElse(unknownAccountHash));
    if (found.isPresent() && matches) {
      counters.accountSucceeded(type, account);
      audit(found.get().account(), "SIGN_IN", type, account, address);
      return found.get();
    }
    boolean nowLocked = counters.accountFailed(type, account, now);
    Metrics.counter("cmis.signin.failures", "reason", "BAD_CREDENTIALS").increment();
    fail(address, now, type, account, "SIGN_IN_FAILED");
    if (nowLocked) {
      Metrics.counter("cmis.signin.locks").increment();
      audit(account, "ACCOUNT_LOCKED", type, account, address);
    }
    throw new CmisException(ErrorCode.BAD_CREDENTIALS, "signin.badCredentials");
  }

  private void fail(String address, Instant now, LoginType type, String account, String action) {
    audit(account, action, type, account, address);
    Optional<Duration> blocked = counters.addressFailed(address, now);
    if (blocked.isPresent()) {
      throw tooMany(blocked.get());
    }
  }

  private void audit(String actor, String action, LoginType type, String account, String address) {
    events.publishEvent(
        new AuditEvent(actor, action, "Account", type.name() + ":" + account, address, null, null));
  }

  private static CmisException locked() {
    return new CmisException(ErrorCode.ACCOUNT_LOCKED, "signin.locked");
  }

  private static CmisException tooMany(Duration retryAfter) {
    return new CmisException(
        ErrorCode.TOO_MANY_ATTEMPTS, "signin.tooManyAttempts", java.util.List.of(), retryAfter);
  }
}
