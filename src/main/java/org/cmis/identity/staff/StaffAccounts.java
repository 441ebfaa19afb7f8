package org.cmis.identity.staff;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cmis.identity.account.AccountRepository;
import org.cmis.identity.token.ApiTokenService;
import org.cmis.membership.InstituteDirectory;
import org.cmis.notification.Notification;
import org.cmis.notification.Notifications;
import org.cmis.notification.Recipient;
import org.cmis.shared.AuditEvent;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.Email;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.Mobile;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * 工作人员账号 (F6.1) for admin: the staff accounts of each institute, created, disabled, enabled and
 * reset. A new or reset account gets a temporary password that goes only to the e-mail on record
 * (with no mail server: its message centre and the log) and must be changed at the next sign-in;
 * disabling or resetting ends every session and API token of the account. Only accounts of role
 * STAFF are handled here: an administrator's account is never made, listed or changed as staff.
 */
@Service
public class StaffAccounts {

  private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);

  /** A staff account as admin sees it (never its password). */
  public record StaffAccount(
      long id,
      String account,
      String displayName,
      String instituteCode,
      String instituteName,
      String email,
      String mobile,
      StaffRole staffRole,
      boolean enabled,
      boolean mustChangePassword) {}

  /** What admin types to create a staff account. */
  public record NewStaff(
      @Nullable String account,
      @Nullable String displayName,
      @Nullable String instituteCode,
      @Nullable String email,
      @Nullable String mobile,
      @Nullable String staffRole) {}

  private static final String SELECT =
      "select id, account, display_name, institute_code, email, mobile, staff_role, enabled,"
          + " must_change_password from account where role = 'STAFF'";

  private final JdbcClient jdbc;
  private final AccountRepository accounts;
  private final PasswordEncoder encoder;
  private final ApiTokenService tokens;
  private final FindByIndexNameSessionRepository<? extends Session> sessions;
  private final InstituteDirectory institutes;
  private final Notifications notifications;
  private final MessageSource texts;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  StaffAccounts(
      JdbcClient jdbc,
      AccountRepository accounts,
      PasswordEncoder encoder,
      ApiTokenService tokens,
      FindByIndexNameSessionRepository<? extends Session> sessions,
      InstituteDirectory institutes,
      Notifications notifications,
      MessageSource texts,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.encoder = encoder;
    this.tokens = tokens;
    this.sessions = sessions;
    this.institutes = institutes;
    this.notifications = notifications;
    this.texts = texts;
    this.events = events;
    this.clock = clock;
  }

  /** The staff accounts, of one institute or all, by institute and account name. */
  public PageResult<StaffAccount> list(@Nullable String instituteCode, Paging paging) {
    int page = paging.page();
    int size = paging.size();
    String where = instituteCode == null ? "" : " and institute_code = :institute";
    JdbcClient.StatementSpec count =
        jdbc.sql("select count(*) from account where role = 'STAFF'" + where);
    JdbcClient.StatementSpec rows =
        jdbc.sql(
            SELECT + where + " order by institute_code, account, id limit :limit offset :offset");
    if (instituteCode != null) {
      count = count.param("institute", instituteCode);
      rows = rows.param("institute", instituteCode);
    }
    long total = count.query(Long.class).single();
    List<StaffAccount> items =
        rows.param("limit", size)
            .param("offset", (long) (page - 1) * size)
            .query((rs, n) -> map(rs))
            .list();
    return new PageResult<>(items, total, page, size);
  }

  public Optional<StaffAccount> find(long id) {
    return jdbc.sql(SELECT + " and id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
  }

  /**
   * Creates a staff account of an institute with a temporary password mailed to its address; every
   * field is checked first (422 naming each), an account name already used is refused too.
   */
  @Transactional
  public StaffAccount create(NewStaff input, CurrentUser admin, String address) {
    String account = trim(input.account()).toLowerCase(Locale.ROOT);
    String name = trim(input.displayName());
    String institute = trim(input.instituteCode());
    String email = trim(input.email());
    String mobile = trim(input.mobile());
    List<FieldError> errors = new ArrayList<>();
    if (!account.matches("[a-z0-9][a-z0-9._-]{2,49}")) {
      errors.add(new FieldError("account", "admin.staff.error.account"));
    } else if (accountTaken(account)) {
      errors.add(new FieldError("account", "admin.staff.error.accountTaken"));
    }
    if (name.isEmpty()) {
      errors.add(new FieldError("displayName", "admin.staff.error.nameRequired"));
    } else if (name.length() > 50 || name.chars().anyMatch(Character::isISOControl)) {
      errors.add(new FieldError("displayName", "admin.staff.error.nameLength"));
    }
    if (institute.isEmpty() || institutes.find(institute).isEmpty()) {
      errors.add(new FieldError("instituteCode", "admin.staff.error.institute"));
    }
    if (!Email.isValid(email)) {
      errors.add(new FieldError("email", "admin.staff.error.email"));
    }
    if (!mobile.isEmpty() && !Mobile.isValid(mobile)) {
      errors.add(new FieldError("mobile", "admin.staff.error.mobile"));
    }
    StaffRole role = role(input.staffRole());
    if (role == null) {
      errors.add(new FieldError("staffRole", "admin.staff.error.role"));
    }
    if (!errors.isEmpty()) {
      throw CmisException.validation(errors);
    }
    String password = TemporaryPasswords.next(account);
    long id =
        jdbc.sql(
                "insert into account (login_type, role, account, password_hash, display_name,"
                    + " institute_code, email, mobile, must_change_password, enabled, staff_role)"
                    + " values ('STAFF', 'STAFF', :account, :hash, :name, :institute, :email,"
                    + " :mobile, true, true, :role) on conflict (login_type, account) do nothing"
                    + " returning id")
            .param("account", account)
            .param("hash", encoder.encode(password))
            .param("name", name)
            .param("institute", institute)
            .param("email", email)
            .param("mobile", mobile)
            .param("role", role.name())
            .query(Long.class)
            .optional()
            .orElseThrow(
                () ->
                    CmisException.validation(
                        List.of(new FieldError("account", "admin.staff.error.accountTaken"))));
    StaffAccount created = find(id).orElseThrow();
    audit(admin, "STAFF_ACCOUNT_CREATED", created, null, describe(created), address);
    mailAfterCommit(created, password, "admin.staff.mail.created", "created");
    return created;
  }

  /** Disables the account and ends its sessions and tokens; disabling a disabled one is a no-op. */
  @Transactional
  public StaffAccount disable(long id, CurrentUser admin, String address) {
    StaffAccount before = locked(id);
    if (before.enabled()) {
      jdbc.sql("update account set enabled = false where id = :id").param("id", id).update();
      endSessions(id);
      audit(admin, "STAFF_ACCOUNT_DISABLED", before, enabled(true), enabled(false), address);
    }
    return find(id).orElseThrow();
  }

  @Transactional
  public StaffAccount enable(long id, CurrentUser admin, String address) {
    StaffAccount before = locked(id);
    if (!before.enabled()) {
      jdbc.sql("update account set enabled = true where id = :id").param("id", id).update();
      audit(admin, "STAFF_ACCOUNT_ENABLED", before, enabled(false), enabled(true), address);
    }
    return find(id).orElseThrow();
  }

  /**
   * A new temporary password, mailed to the address on record only; it must be changed at the next
   * sign-in, and every session and token of the account ends now.
   */
  @Transactional
  public StaffAccount reset(long id, CurrentUser admin, String address) {
    StaffAccount account = locked(id);
    if (account.email().isBlank()) {
      throw new CmisException(ErrorCode.INVALID_STATE, "admin.staff.error.noEmail");
    }
    String password = TemporaryPasswords.next(account.account());
    accounts.updatePassword(id, encoder.encode(password), true, clock.instant());
    endSessions(id);
    audit(admin, "STAFF_PASSWORD_RESET", account, null, null, address);
    mailAfterCommit(account, password, "admin.staff.mail.reset", "reset");
    return find(id).orElseThrow();
  }

  /** Changes what the account may do (ADR 0024). */
  @Transactional
  public StaffAccount changeRole(
      long id, @Nullable String staffRole, CurrentUser admin, String address) {
    StaffRole role = role(staffRole);
    if (role == null) {
      throw CmisException.validation(
          List.of(new FieldError("staffRole", "admin.staff.error.role")));
    }
    StaffAccount before = locked(id);
    if (before.staffRole() != role) {
      jdbc.sql("update account set staff_role = :role where id = :id")
          .param("role", role.name())
          .param("id", id)
          .update();
      audit(
          admin,
          "STAFF_ROLE_CHANGED",
          before,
          java.util.Map.of("staffRole", before.staffRole().name()),
          java.util.Map.of("staffRole", role.name()),
          address);
    }
    return find(id).orElseThrow();
  }

  private StaffAccount locked(long id) {
    return jdbc.sql(SELECT + " and id = :id for update")
        .param("id", id)
        .query((rs, n) -> map(rs))
        .optional()
        .orElseThrow(() -> new CmisException(ErrorCode.NOT_FOUND, "admin.staff.notFound"));
  }

  private boolean accountTaken(String account) {
    return jdbc.sql(
                "select count(*) from account where login_type = 'STAFF' and lower(account) = :a")
            .param("a", account)
            .query(Long.class)
            .single()
        > 0;
  }

  private void endSessions(long id) {
    tokens.revokeAll(id);
    sessions
        .findByPrincipalName(org.cmis.shared.CurrentUser.principalName(id))
        .keySet()
        .forEach(sessions::deleteById);
  }

  private void mailAfterCommit(StaffAccount to, String password, String bodyKey, String kind) {
    Locale zh = Locale.SIMPLIFIED_CHINESE;
    Notification mail =
        new Notification(
            "staff-password:" + kind + ":" + to.id() + ":" + System.nanoTime(),
            texts.getMessage("admin.staff.mail.subject", null, zh),
            texts.getMessage(bodyKey, new Object[] {to.displayName(), to.account(), password}, zh));
    Recipient recipient = new Recipient(to.id(), to.email());
    Runnable send =
        () -> {
          try {
            notifications.mail(recipient, mail);
          } catch (RuntimeException ex) {
            log.warn("Temporary-password mail to account {} failed: {}", to.id(), ex.toString());
          }
        };
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              send.run();
            }
          });
    } else {
      send.run();
    }
  }

  private void audit(
      CurrentUser admin,
      String action,
      StaffAccount account,
      @Nullable Object before,
      @Nullable Object after,
      String address) {
    events.publishEvent(
        new AuditEvent(
            admin.account(), action, "Account", "" + account.id(), address, before, after));
  }

  /** What the audit log keeps of a new staff account (ADR 0035): never its password. */
  private static java.util.Map<String, Object> describe(StaffAccount a) {
    java.util.Map<String, Object> state = new java.util.LinkedHashMap<>();
    state.put("account", a.account());
    state.put("instituteCode", a.instituteCode());
    state.put("staffRole", a.staffRole().name());
    state.put("email", a.email());
    return state;
  }

  private static java.util.Map<String, Object> enabled(boolean enabled) {
    return java.util.Map.of("enabled", enabled);
  }

  private static @Nullable StaffRole role(@Nullable String value) {
    for (StaffRole r : StaffRole.values()) {
      if (r.name().equals(value == null ? null : value.trim())) {
        return r;
      }
    }
    return null;
  }

  private static String trim(@Nullable String value) {
    return value == null ? "" : value.strip();
  }

  private StaffAccount map(java.sql.ResultSet rs) throws java.sql.SQLException {
    String institute = rs.getString("institute_code");
    String role = rs.getString("staff_role");
    return new StaffAccount(
        rs.getLong("id"),
        rs.getString("account"),
        rs.getString("display_name"),
        institute == null ? "" : institute,
        institute == null ? "" : institutes.name(institute),
        rs.getString("email"),
        rs.getString("mobile"),
        role == null ? StaffRole.TRAINING_OFFICER : StaffRole.valueOf(role),
        rs.getBoolean("enabled"),
        rs.getBoolean("must_change_password"));
  }
}
