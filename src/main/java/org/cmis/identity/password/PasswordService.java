package org.cmis.identity.password;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.cmis.identity.LoginType;
import org.cmis.identity.PasswordResetRequested;
import org.cmis.identity.account.Account;
import org.cmis.identity.account.AccountRepository;
import org.cmis.identity.security.IdentityProperties;
import org.cmis.identity.token.ApiTokenService;
import org.cmis.shared.AuditEvent;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password change (F1.4) and self-service reset by a single-use emailed link (F1.2). The link's
 * secret is stored only as its hash and travels only in the mail, worded here; a reset ends every
 * session and token of the account.
 */
@Service
public class PasswordService {

  private final AccountRepository accounts;
  private final JdbcClient jdbc;
  private final PasswordEncoder encoder;
  private final ApiTokenService tokens;
  private final FindByIndexNameSessionRepository<? extends Session> sessions;
  private final ApplicationEventPublisher events;
  private final ResetLinkMail resetMail;
  private final IdentityProperties properties;
  private final Clock clock;
  private final String baseUrl;
  private final SecureRandom random = new SecureRandom();

  PasswordService(
      AccountRepository accounts,
      JdbcClient jdbc,
      PasswordEncoder encoder,
      ApiTokenService tokens,
      FindByIndexNameSessionRepository<? extends Session> sessions,
      ApplicationEventPublisher events,
      ResetLinkMail resetMail,
      IdentityProperties properties,
      Clock clock,
      @Value("${cmis.base-url}") String baseUrl) {
    this.accounts = accounts;
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.tokens = tokens;
    this.sessions = sessions;
    this.events = events;
    this.resetMail = resetMail;
    this.properties = properties;
    this.clock = clock;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** Changes the signed-in account's password after checking the current one. */
  @Transactional
  public void change(CurrentUser user, String current, String next, String address) {
    Account account = accounts.findById(user.accountId()).orElseThrow();
    if (!encoder.matches(current, account.passwordHash())) {
      throw CmisException.validation(List.of(new FieldError("currentPassword", "password.wrong")));
    }
    if (encoder.matches(next, account.passwordHash())) {
      throw CmisException.validation(List.of(new FieldError("newPassword", "password.same")));
    }
    checkPolicy(next, account.account());
    accounts.updatePassword(account.id(), encoder.encode(next), false, clock.instant());
    audit(account, "PASSWORD_CHANGED", address);
  }

  /**
   * Sends a reset link when the account exists and the email or mobile matches the one on record.
   * Says nothing either way, so that nobody learns which accounts exist.
   */
  @Transactional
  public void requestReset(LoginType type, String account, String emailOrMobile, String address) {
    Optional<Account> found =
        accounts
            .find(type, account)
            .filter(Account::enabled)
            .filter(a -> !a.email().isBlank())
            .filter(a -> matchesContact(a, emailOrMobile));
    if (found.isEmpty()) {
      events.publishEvent(
          new AuditEvent(
              account,
              "PASSWORD_RESET_REFUSED",
              "Account",
              type + ":" + account,
              address,
              null,
              null));
      return;
    }
    Account a = found.get();
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = clock.instant();
    long tokenId =
        jdbc.sql(
                "insert into password_reset_token (token_hash, account_id, created_at, expires_at)"
                    + " values (:hash, :account, :now, :expires) returning id")
            .param("hash", ApiTokenService.hash(token))
            .param("account", a.id())
            .param("now", at(now))
            .param("expires", at(now.plus(properties.resetLinkTtl())))
            .query(Long.class)
            .single();
    audit(a, "PASSWORD_RESET_REQUESTED", address);
    // The secret goes into the mail only, never into an event (the registry stores events).
    resetMail.sendAfterCommit(
        a,
        tokenId,
        baseUrl + "/password/reset?token=" + token,
        properties.resetLinkTtl().toMinutes());
    events.publishEvent(new PasswordResetRequested(a.id(), tokenId));
  }

  /** Whether a reset link is still usable (for showing the form). */
  @Transactional(readOnly = true)
  public boolean isUsable(String token) {
    return liveToken(token).isPresent();
  }

  /** Sets a new password with a reset link, once; ends every session and token of the account. */
  @Transactional
  public void reset(String token, String next, String address) {
    long accountId =
        jdbc.sql(
                "update password_reset_token set used_at = :now where token_hash = :hash"
                    + " and used_at is null and expires_at > :now returning account_id")
            .param("now", at(clock.instant()))
            .param("hash", ApiTokenService.hash(token))
            .query(Long.class)
            .optional()
            .orElseThrow(() -> new CmisException(ErrorCode.INVALID_STATE, "password.linkInvalid"));
    Account account = accounts.findById(accountId).orElseThrow();
    checkPolicy(next, account.account());
    accounts.updatePassword(accountId, encoder.encode(next), false, clock.instant());
    tokens.revokeAll(accountId);
    sessions
        .findByPrincipalName(CurrentUser.principalName(accountId))
        .keySet()
        .forEach(sessions::deleteById);
    audit(account, "PASSWORD_RESET", address);
  }

  private Optional<Long> liveToken(String token) {
    if (token.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select account_id from password_reset_token where token_hash = :hash"
                + " and used_at is null and expires_at > :now")
        .param("hash", ApiTokenService.hash(token))
        .param("now", at(clock.instant()))
        .query(Long.class)
        .optional();
  }

  private static boolean matchesContact(Account account, String emailOrMobile) {
    String given = emailOrMobile.trim();
    return given.equalsIgnoreCase(account.email())
        || (!account.mobile().isEmpty() && given.equals(account.mobile()));
  }

  private static void checkPolicy(String password, String accountName) {
    List<FieldError> errors =
        PasswordPolicy.check(password, accountName).stream()
            .map(v -> new FieldError("newPassword", v.messageKey()))
            .toList();
    if (!errors.isEmpty()) {
      throw CmisException.validation(errors);
    }
  }

  private void audit(Account account, String action, String address) {
    events.publishEvent(
        new AuditEvent(
            account.account(), action, "Account", "" + account.id(), address, null, null));
  }

  private static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
