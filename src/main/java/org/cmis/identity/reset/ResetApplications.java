package org.cmis.identity.reset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.cmis.identity.LoginType;
import org.cmis.shared.upload.FileType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes applications and their scans with explicit SQL. */
@Repository
class ResetApplications {

  private static final String COLUMNS =
      "id, tracking_number, login_type, account, account_id, institute_code, applicant, mobile,"
          + " application_date, reason, remark, status, return_reason, submitted_at, opened_at,"
          + " opened_by, decided_at, decided_by";

  /** Who may see an application: staff of its institute, or admin for no institute. */
  private static final String SCOPE =
      " ((:institute::varchar is not null and institute_code = :institute)"
          + " or (:institute::varchar is null and institute_code is null))";

  private final JdbcClient jdbc;

  ResetApplications(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Serialises the submissions of one account and of one client address across every instance
   * (transaction-scoped advisory locks), so that the counts checked before an insert stay true.
   */
  void lockThrottles(LoginType type, String account, String address) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext(:a)), pg_advisory_xact_lock(hashtext(:b))")
        .param("a", "reset-account:" + type + ":" + account)
        .param("b", "reset-address:" + address)
        .query((rs, n) -> 1)
        .list();
  }

  long openCount(LoginType type, String account) {
    return jdbc.sql(
            "select count(*) from reset_application where login_type = :type"
                + " and account = :account and status in ('SUBMITTED', 'IN_REVIEW')")
        .param("type", type.name())
        .param("account", account)
        .query(Long.class)
        .single();
  }

  long countFromAddressSince(String address, Instant since) {
    return jdbc.sql(
            "select count(*) from reset_application where client_address = :address"
                + " and submitted_at > :since")
        .param("address", address)
        .param("since", at(since))
        .query(Long.class)
        .single();
  }

  long insert(
      String trackingNumber,
      LoginType type,
      String account,
      @Nullable Long accountId,
      @Nullable String instituteCode,
      String applicant,
      String mobile,
      LocalDate applicationDate,
      String reason,
      String remark,
      String address,
      Instant now) {
    return jdbc.sql(
            "insert into reset_application (tracking_number, login_type, account, account_id,"
                + " institute_code, applicant, mobile, application_date, reason, remark,"
                + " client_address, submitted_at) values (:number, :type, :account, :accountId,"
                + " :institute, :applicant, :mobile, :date, :reason, :remark, :address, :now)"
                + " returning id")
        .param("number", trackingNumber)
        .param("type", type.name())
        .param("account", account)
        .param("accountId", accountId)
        .param("institute", instituteCode)
        .param("applicant", applicant)
        .param("mobile", mobile)
        .param("date", applicationDate)
        .param("reason", reason)
        .param("remark", remark)
        .param("address", address)
        .param("now", at(now))
        .query(Long.class)
        .single();
  }

  void insertFile(long applicationId, ResetFile file) {
    jdbc.sql(
            "insert into reset_application_file (application_id, kind, filename, file_type,"
                + " size_bytes, content) values (:id, :kind, :name, :type, :size, :content)")
        .param("id", applicationId)
        .param("kind", file.kind().name())
        .param("name", file.filename())
        .param("type", file.type().name())
        .param("size", file.sizeBytes())
        .param("content", file.content())
        .update();
  }

  Optional<ResetApplication> find(String trackingNumber) {
    return jdbc.sql("select " + COLUMNS + " from reset_application where tracking_number = :number")
        .param("number", trackingNumber)
        .query(ResetApplications::map)
        .optional();
  }

  /** The application, locked until the transaction ends, when the caller's scope holds it. */
  Optional<ResetApplication> lockInScope(String trackingNumber, @Nullable String institute) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from reset_application where tracking_number = :number and"
                + SCOPE
                + " for update")
        .param("number", trackingNumber)
        .param("institute", institute)
        .query(ResetApplications::map)
        .optional();
  }

  Optional<ResetApplication> findInScope(String trackingNumber, @Nullable String institute) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from reset_application where tracking_number = :number and"
                + SCOPE)
        .param("number", trackingNumber)
        .param("institute", institute)
        .query(ResetApplications::map)
        .optional();
  }

  List<ResetApplication> list(
      @Nullable String institute, @Nullable ResetStatus status, long offset, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from reset_application where"
                + SCOPE
                + " and (:status::varchar is null or status = :status)"
                + " order by submitted_at, id offset :offset limit :limit")
        .param("institute", institute)
        .param("status", status == null ? null : status.name())
        .param("offset", offset)
        .param("limit", limit)
        .query(ResetApplications::map)
        .list();
  }

  long count(@Nullable String institute, @Nullable ResetStatus status) {
    return jdbc.sql(
            "select count(*) from reset_application where"
                + SCOPE
                + " and (:status::varchar is null or status = :status)")
        .param("institute", institute)
        .param("status", status == null ? null : status.name())
        .query(Long.class)
        .single();
  }

  /** Moves a submitted application to review; false when it was not SUBMITTED. */
  boolean open(long id, String by, Instant now) {
    return jdbc.sql(
                "update reset_application set status = 'IN_REVIEW', opened_at = :now,"
                    + " opened_by = :by where id = :id and status = 'SUBMITTED'")
            .param("id", id)
            .param("by", by)
            .param("now", at(now))
            .update()
        == 1;
  }

  void decide(long id, ResetStatus status, @Nullable String returnReason, String by, Instant now) {
    jdbc.sql(
            "update reset_application set status = :status, return_reason = :reason,"
                + " decided_at = :now, decided_by = :by,"
                + " opened_at = coalesce(opened_at, :now), opened_by = coalesce(opened_by, :by)"
                + " where id = :id")
        .param("id", id)
        .param("status", status.name())
        .param("reason", returnReason)
        .param("by", by)
        .param("now", at(now))
        .update();
  }

  /**
   * Ends a sign-in lock-out of the account: its owner was verified by the reviewer and is about to
   * sign in with the temporary password.
   */
  void unlock(LoginType type, String account) {
    jdbc.sql("delete from login_failure where login_type = :type and account = :account")
        .param("type", type.name())
        .param("account", account)
        .update();
  }

  List<ResetFileInfo> files(long applicationId) {
    return jdbc.sql(
            "select kind, filename, file_type, size_bytes from reset_application_file"
                + " where application_id = :id order by kind")
        .param("id", applicationId)
        .query(
            (rs, n) ->
                new ResetFileInfo(
                    ResetFileKind.valueOf(rs.getString("kind")),
                    rs.getString("filename"),
                    FileType.valueOf(rs.getString("file_type")),
                    rs.getInt("size_bytes")))
        .list();
  }

  Optional<ResetFile> file(long applicationId, ResetFileKind kind) {
    return jdbc.sql(
            "select kind, filename, file_type, size_bytes, content from reset_application_file"
                + " where application_id = :id and kind = :kind")
        .param("id", applicationId)
        .param("kind", kind.name())
        .query(
            (rs, n) ->
                new ResetFile(
                    ResetFileKind.valueOf(rs.getString("kind")),
                    rs.getString("filename"),
                    FileType.valueOf(rs.getString("file_type")),
                    rs.getInt("size_bytes"),
                    rs.getBytes("content")))
        .optional();
  }

  private static ResetApplication map(ResultSet rs, int row) throws SQLException {
    Long accountId = rs.getObject("account_id", Long.class);
    return new ResetApplication(
        rs.getLong("id"),
        rs.getString("tracking_number"),
        LoginType.valueOf(rs.getString("login_type")),
        rs.getString("account"),
        accountId,
        rs.getString("institute_code"),
        rs.getString("applicant"),
        rs.getString("mobile"),
        rs.getObject("application_date", LocalDate.class),
        rs.getString("reason"),
        rs.getString("remark"),
        ResetStatus.valueOf(rs.getString("status")),
        rs.getString("return_reason"),
        instant(rs, "submitted_at"),
        instant(rs, "opened_at"),
        rs.getString("opened_by"),
        instant(rs, "decided_at"),
        rs.getString("decided_by"));
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
