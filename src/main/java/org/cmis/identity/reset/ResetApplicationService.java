package org.cmis.identity.reset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.cmis.identity.LoginType;
import org.cmis.identity.account.Account;
import org.cmis.identity.account.AccountRepository;
import org.cmis.identity.token.ApiTokenService;
import org.cmis.shared.AuditEvent;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.FirmNo;
import org.cmis.shared.MemberNo;
import org.cmis.shared.Mobile;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.Role;
import org.cmis.shared.upload.FileType;
import org.cmis.shared.upload.Upload;
import org.cmis.shared.upload.UploadCheck;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The manual password-reset application (F1.3, ADR 0022): the public submission and status, and the
 * review by staff of the account's institute. Nothing an applicant is answered depends on whether
 * the account exists; applications for accounts that do not exist name no institute and are
 * reviewed by the administrator, who can only return them.
 */
@Service
public class ResetApplicationService {

  static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
  static final int MAX_FILENAME = 200;
  static final int MAX_APPLICANT = 50;
  static final int MAX_TEXT = 500;

  /** Open (submitted or in review) applications per account. */
  static final int MAX_OPEN_PER_ACCOUNT = 3;

  /** Applications per client address in 24 hours. */
  static final int MAX_PER_ADDRESS_PER_DAY = 10;

  static final UploadCheck FILES =
      new UploadCheck(
          MAX_FILE_BYTES, MAX_FILENAME, EnumSet.of(FileType.PDF, FileType.JPG, FileType.PNG));

  private static final String ENTITY = "PasswordResetApplication";

  private final ResetApplications applications;
  private final AccountRepository accounts;
  private final PasswordEncoder encoder;
  private final ApiTokenService tokens;
  private final FindByIndexNameSessionRepository<? extends Session> sessions;
  private final TemporaryPasswordMail mail;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ResetApplicationService(
      ResetApplications applications,
      AccountRepository accounts,
      PasswordEncoder encoder,
      ApiTokenService tokens,
      FindByIndexNameSessionRepository<? extends Session> sessions,
      TemporaryPasswordMail mail,
      ApplicationEventPublisher events,
      Clock clock) {
    this.applications = applications;
    this.accounts = accounts;
    this.encoder = encoder;
    this.tokens = tokens;
    this.sessions = sessions;
    this.mail = mail;
    this.events = events;
    this.clock = clock;
  }

  /** What the applicant is answered: the tracking number (grouped) and the status. */
  public record Submitted(String trackingNumber, ResetStatus status) {}

  /** The status page: never the password, never whether the account exists. */
  public record StatusView(String trackingNumber, ResetStatus status, @Nullable String reason) {}

  /** What a reviewer sees: the application, its scans, and the account on record (if any). */
  public record Review(
      ResetApplication application,
      List<ResetFileInfo> files,
      @Nullable AccountOnRecord onRecord) {}

  /**
   * Checks every field and file (all wrong ones told at once), then the throttles, and stores the
   * application with its three scans in one transaction: nothing is half-saved.
   */
  @Transactional
  public Submitted submit(ResetApplicationInput in, String address) {
    List<FieldError> errors = new ArrayList<>();
    String applicant = text(in.applicant(), "applicant", MAX_APPLICANT, true, errors);
    LoginType type = userType(in.userType(), errors);
    String account = account(in.account(), type, errors);
    String mobile = strip(in.mobile());
    if (mobile.isEmpty()) {
      errors.add(new FieldError("mobile", "reset.mobile.required"));
    } else if (!Mobile.isValid(mobile)) {
      errors.add(new FieldError("mobile", "reset.mobile.format"));
    }
    LocalDate date = date(in.applicationDate(), errors);
    String reason = text(in.reason(), "reason", MAX_TEXT, true, errors);
    String remark = text(in.remark(), "remark", MAX_TEXT, false, errors);
    List<ResetFile> files = new ArrayList<>();
    for (ResetFileKind kind : ResetFileKind.values()) {
      Upload upload = in.files().get(kind);
      if (upload == null) {
        errors.add(new FieldError(kind.field(), "reset.file.missing"));
        continue;
      }
      UploadCheck.Result checked = FILES.check(upload);
      if (checked.file() == null) {
        errors.add(new FieldError(kind.field(), "reset.file." + checked.problem()));
      } else {
        UploadCheck.CheckedFile f = checked.file();
        files.add(new ResetFile(kind, f.filename(), f.type(), f.content().length, f.content()));
      }
    }
    if (!errors.isEmpty() || type == null || date == null) {
      throw CmisException.validation(errors);
    }
    applications.lockThrottles(type, account, address);
    Instant now = clock.instant();
    if (applications.countFromAddressSince(address, now.minus(Duration.ofDays(1)))
        >= MAX_PER_ADDRESS_PER_DAY) {
      throw new CmisException(
          ErrorCode.TOO_MANY_ATTEMPTS, "reset.throttle.address", List.of(), Duration.ofHours(1));
    }
    if (applications.openCount(type, account) >= MAX_OPEN_PER_ACCOUNT) {
      throw new CmisException(
          ErrorCode.TOO_MANY_ATTEMPTS, "reset.throttle.account", List.of(), Duration.ofHours(1));
    }
    Optional<Account> found = accounts.find(type, account);
    String number = TrackingNumbers.next();
    long id =
        applications.insert(
            number,
            type,
            account,
            found.map(Account::id).orElse(null),
            found.map(Account::instituteCode).orElse(null),
            applicant,
            mobile,
            date,
            reason,
            remark,
            address,
            now);
    for (ResetFile file : files) {
      applications.insertFile(id, file);
    }
    events.publishEvent(
        new AuditEvent(
            type + ":" + account,
            "PASSWORD_RESET_APPLICATION_SUBMITTED",
            ENTITY,
            number,
            address,
            null,
            null));
    return new Submitted(TrackingNumbers.grouped(number), ResetStatus.SUBMITTED);
  }

  /** The status of the application with this number and account, or empty for any mismatch. */
  @Transactional(readOnly = true)
  public Optional<StatusView> status(@Nullable String trackingNumber, @Nullable String account) {
    String number = TrackingNumbers.read(trackingNumber);
    String typed = strip(account);
    if (number == null || typed.isEmpty()) {
      return Optional.empty();
    }
    return applications
        .find(number)
        .filter(a -> a.account().equals(typed))
        .map(
            a ->
                new StatusView(
                    a.shownNumber(),
                    a.status(),
                    a.status() == ResetStatus.RETURNED ? a.returnReason() : null));
  }

  /** The caller's queue: its institute's applications (admin: those naming no institute). */
  @Transactional(readOnly = true)
  PageResult<ResetApplication> list(CurrentUser user, @Nullable ResetStatus status, Paging paging) {
    String institute = scope(user);
    return new PageResult<>(
        applications.list(institute, status, paging.offset(), paging.size()),
        applications.count(institute, status),
        paging.page(),
        paging.size());
  }

  /** How many applications wait in the caller's queue (submitted or in review). */
  @Transactional(readOnly = true)
  public long waiting(CurrentUser user) {
    if (!(user.is(Role.STAFF) && user.instituteCode() != null) && !user.is(Role.ADMIN)) {
      return 0;
    }
    String institute = scope(user);
    return applications.count(institute, ResetStatus.SUBMITTED)
        + applications.count(institute, ResetStatus.IN_REVIEW);
  }

  /** Opens an application for review: a submitted one moves to 审核中 (audited). */
  @Transactional
  Review open(CurrentUser user, String trackingNumber, String address) {
    ResetApplication application = inScope(user, trackingNumber);
    if (application.status() == ResetStatus.SUBMITTED
        && applications.open(application.id(), user.account(), clock.instant())) {
      audit(
          user,
          "PASSWORD_RESET_APPLICATION_OPENED",
          application,
          address,
          ResetStatus.IN_REVIEW,
          null);
      application = applications.find(application.trackingNumber()).orElseThrow();
    }
    return review(application);
  }

  /** The application as it stands, without moving it (the API). */
  @Transactional(readOnly = true)
  Review view(CurrentUser user, String trackingNumber) {
    return review(inScope(user, trackingNumber));
  }

  /** One scan of an application in the caller's scope. */
  @Transactional(readOnly = true)
  ResetFile file(CurrentUser user, String trackingNumber, ResetFileKind kind) {
    ResetApplication application = inScope(user, trackingNumber);
    return applications
        .file(application.id(), kind)
        .orElseThrow(() -> new CmisException(ErrorCode.NOT_FOUND, "error.NOT_FOUND"));
  }

  /**
   * Approves: a temporary password, set with must-change, goes to the email on record of the
   * account; every session and API token of the account ends. The application row is locked, so of
   * two reviewers deciding at once one decides and the other is told it is decided.
   */
  @Transactional
  Review approve(CurrentUser user, String trackingNumber, String address) {
    ResetApplication application = lockedOpen(user, trackingNumber);
    if (application.accountId() == null) {
      throw new CmisException(ErrorCode.INVALID_STATE, "reset.approve.noAccount");
    }
    Account account = accounts.findById(application.accountId()).orElseThrow();
    if (!account.enabled()) {
      throw new CmisException(ErrorCode.INVALID_STATE, "reset.approve.disabled");
    }
    if (account.email().isBlank()) {
      throw new CmisException(ErrorCode.INVALID_STATE, "reset.approve.noEmail");
    }
    Instant now = clock.instant();
    String password = TemporaryPasswords.next(account.account());
    accounts.updatePassword(account.id(), encoder.encode(password), true, now);
    applications.unlock(account.loginType(), account.account());
    tokens.revokeAll(account.id());
    sessions
        .findByPrincipalName(CurrentUser.principalName(account.id()))
        .keySet()
        .forEach(sessions::deleteById);
    applications.decide(application.id(), ResetStatus.APPROVED, null, user.account(), now);
    audit(
        user,
        "PASSWORD_RESET_APPLICATION_APPROVED",
        application,
        address,
        ResetStatus.APPROVED,
        null);
    events.publishEvent(
        new AuditEvent(
            user.account(),
            "PASSWORD_RESET_BY_APPLICATION",
            "Account",
            "" + account.id(),
            address,
            null,
            null));
    mail.sendAfterCommit(account, application, password);
    return review(applications.find(application.trackingNumber()).orElseThrow());
  }

  /** Returns the application with a reason (required, at most 500 characters). */
  @Transactional
  Review giveBack(
      CurrentUser user, String trackingNumber, @Nullable String reason, String address) {
    List<FieldError> errors = new ArrayList<>();
    String why = text(reason, "reason", "reset.returnReason", MAX_TEXT, true, errors);
    scope(user);
    if (!errors.isEmpty()) {
      throw CmisException.validation(errors);
    }
    ResetApplication application = lockedOpen(user, trackingNumber);
    applications.decide(
        application.id(), ResetStatus.RETURNED, why, user.account(), clock.instant());
    audit(
        user,
        "PASSWORD_RESET_APPLICATION_RETURNED",
        application,
        address,
        ResetStatus.RETURNED,
        why);
    return review(applications.find(application.trackingNumber()).orElseThrow());
  }

  private ResetApplication lockedOpen(CurrentUser user, String trackingNumber) {
    String institute = scope(user);
    String number = TrackingNumbers.read(trackingNumber);
    ResetApplication application =
        (number == null
                ? Optional.<ResetApplication>empty()
                : applications.lockInScope(number, institute))
            .orElseThrow(() -> new CmisException(ErrorCode.NOT_FOUND, "error.NOT_FOUND"));
    if (!application.status().open()) {
      throw new CmisException(ErrorCode.INVALID_STATE, "reset.decided");
    }
    return application;
  }

  private ResetApplication inScope(CurrentUser user, String trackingNumber) {
    String institute = scope(user);
    String number = TrackingNumbers.read(trackingNumber);
    return (number == null
            ? Optional.<ResetApplication>empty()
            : applications.findInScope(number, institute))
        .orElseThrow(() -> new CmisException(ErrorCode.NOT_FOUND, "error.NOT_FOUND"));
  }

  private Review review(ResetApplication application) {
    AccountOnRecord onRecord =
        application.accountId() == null
            ? null
            : accounts
                .findById(application.accountId())
                .map(
                    a ->
                        new AccountOnRecord(
                            a.account(),
                            a.displayName(),
                            a.instituteCode(),
                            a.mobile(),
                            a.email(),
                            a.enabled(),
                            a.mustChangePassword()))
                .orElse(null);
    return new Review(application, applications.files(application.id()), onRecord);
  }

  /**
   * The institute whose applications the caller reviews: staff their own; admin none (the
   * applications for accounts that do not exist); anyone else is refused.
   */
  private static @Nullable String scope(CurrentUser user) {
    if (user.is(Role.STAFF) && user.instituteCode() != null) {
      return user.instituteCode();
    }
    if (user.is(Role.ADMIN)) {
      return null;
    }
    throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
  }

  private void audit(
      CurrentUser user,
      String action,
      ResetApplication application,
      String address,
      ResetStatus now,
      @Nullable String reason) {
    java.util.Map<String, Object> after = new java.util.LinkedHashMap<>();
    after.put("status", now.name());
    if (reason != null) {
      after.put("reason", reason);
    }
    events.publishEvent(
        new AuditEvent(
            user.account(),
            action,
            ENTITY,
            application.trackingNumber(),
            address,
            java.util.Map.of("status", application.status().name()),
            after));
  }

  private static @Nullable LoginType userType(@Nullable String value, List<FieldError> errors) {
    String typed = strip(value);
    if (typed.equals("MEMBER")) {
      return LoginType.MEMBER;
    }
    if (typed.equals("FIRM")) {
      return LoginType.FIRM;
    }
    errors.add(
        new FieldError(
            "userType", typed.isEmpty() ? "reset.userType.required" : "reset.userType.invalid"));
    return null;
  }

  private static String account(
      @Nullable String value, @Nullable LoginType type, List<FieldError> errors) {
    String typed = strip(value);
    if (typed.isEmpty()) {
      errors.add(new FieldError("account", "reset.account.required"));
    } else if (typed.length() > 50
        || (type == LoginType.MEMBER && !MemberNo.isValidCpaNo(typed))
        || (type == LoginType.FIRM && !FirmNo.isValid(typed))) {
      errors.add(
          new FieldError(
              "account",
              type == LoginType.FIRM ? "reset.account.firmFormat" : "reset.account.format"));
    }
    return typed;
  }

  private @Nullable LocalDate date(@Nullable String value, List<FieldError> errors) {
    String typed = strip(value);
    if (typed.isEmpty()) {
      errors.add(new FieldError("applicationDate", "reset.applicationDate.required"));
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(typed);
      LocalDate today = LocalDate.now(clock);
      if (date.isAfter(today)) {
        errors.add(new FieldError("applicationDate", "reset.applicationDate.future"));
      } else if (date.isBefore(today.minusYears(1))) {
        errors.add(new FieldError("applicationDate", "reset.applicationDate.old"));
      }
      return date;
    } catch (DateTimeParseException e) {
      errors.add(new FieldError("applicationDate", "reset.applicationDate.format"));
      return null;
    }
  }

  private static String text(
      @Nullable String value, String field, int max, boolean required, List<FieldError> errors) {
    return text(value, field, "reset." + field, max, required, errors);
  }

  private static String text(
      @Nullable String value,
      String field,
      String key,
      int max,
      boolean required,
      List<FieldError> errors) {
    String typed = strip(value).replace("\r\n", "\n");
    if (required && typed.isEmpty()) {
      errors.add(new FieldError(field, key + ".required"));
    } else if (typed.codePointCount(0, typed.length()) > max) {
      errors.add(new FieldError(field, key + ".long"));
    }
    return typed;
  }

  private static String strip(@Nullable String value) {
    return value == null ? "" : value.strip();
  }
}
