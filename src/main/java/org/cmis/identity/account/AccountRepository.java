package org.cmis.identity.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.cmis.identity.LoginType;
import org.cmis.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and updates accounts with explicit SQL. */
@Repository
public class AccountRepository {

  private static final String COLUMNS =
      "id, login_type, role, account, password_hash, display_name, institute_code, firm_no,"
          + " member_no, email, mobile, must_change_password, enabled";

  private final JdbcClient jdbc;

  public AccountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Account> find(LoginType loginType, String account) {
    return jdbc.sql(
            "select " + COLUMNS + " from account where login_type = :type and account = :account")
        .param("type", loginType.name())
        .param("account", account)
        .query(AccountRepository::map)
        .optional();
  }

  /** The enabled account of a live API token and the token's expiry, in one round trip. */
  public Optional<TokenOwner> findByLiveToken(String tokenHash, Instant now) {
    return jdbc.sql(
            "select "
                + COLUMNS.replace("id,", "a.id,").replace(", account,", ", a.account,")
                + ", t.expires_at"
                + " from api_token t join account a on a.id = t.account_id"
                + " where t.token_hash = :hash and t.revoked_at is null and t.expires_at > :now"
                + " and a.enabled")
        .param("hash", tokenHash)
        .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .query(
            (rs, row) ->
                new TokenOwner(
                    map(rs, row), rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
        .optional();
  }

  /** The account a live API token belongs to, and when the token expires. */
  public record TokenOwner(Account account, Instant expiresAt) {}

  public Optional<Account> findById(long id) {
    return jdbc.sql("select " + COLUMNS + " from account where id = :id")
        .param("id", id)
        .query(AccountRepository::map)
        .optional();
  }

  /** Sets a new password hash; {@code mustChange} forces another change at the next sign-in. */
  public void updatePassword(long id, String passwordHash, boolean mustChange, Instant now) {
    jdbc.sql(
            "update account set password_hash = :hash, must_change_password = :mustChange,"
                + " password_changed_at = :now where id = :id")
        .param("hash", passwordHash)
        .param("mustChange", mustChange)
        .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .param("id", id)
        .update();
  }

  /** Creates an account and answers its id (used by administration and tests). */
  public long insert(Account a) {
    return jdbc.sql(
            "insert into account (login_type, role, account, password_hash, display_name,"
                + " institute_code, firm_no, member_no, email, mobile, must_change_password,"
                + " enabled) values (:loginType, :role, :account, :hash, :name, :institute,"
                + " :firm, :member, :email, :mobile, :mustChange, :enabled) returning id")
        .param("loginType", a.loginType().name())
        .param("role", a.role().name())
        .param("account", a.account())
        .param("hash", a.passwordHash())
        .param("name", a.displayName())
        .param("institute", a.instituteCode())
        .param("firm", a.firmNo())
        .param("member", a.memberNo())
        .param("email", a.email())
        .param("mobile", a.mobile())
        .param("mustChange", a.mustChangePassword())
        .param("enabled", a.enabled())
        .query(Long.class)
        .single();
  }

  private static Account map(ResultSet rs, int row) throws SQLException {
    return new Account(
        rs.getLong("id"),
        LoginType.valueOf(rs.getString("login_type")),
        Role.valueOf(rs.getString("role")),
        rs.getString("account"),
        rs.getString("password_hash"),
        rs.getString("display_name"),
        rs.getString("institute_code"),
        rs.getString("firm_no"),
        rs.getString("member_no"),
        rs.getString("email"),
        rs.getString("mobile"),
        rs.getBoolean("must_change_password"),
        rs.getBoolean("enabled"));
  }
}
