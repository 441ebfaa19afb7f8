package org.cmis.training.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cmis.membership.InstituteDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Notices, their attachments and class links, with explicit SQL. */
@Repository
class NoticeRepository {

  private static final String COLUMNS =
      "n.id, n.institute_code, n.title, n.body, n.publish_date,"
          + " n.expiry_date, (select count(*) from notice_attachment a where a.notice_id = n.id)"
          + " as attachment_count";

  /** The institute's name comes from membership's {@link InstituteDirectory}, not a join. */
  private static final String FROM = " from notice n";

  private final JdbcClient jdbc;
  private final InstituteDirectory institutes;

  NoticeRepository(JdbcClient jdbc, InstituteDirectory institutes) {
    this.jdbc = jdbc;
    this.institutes = institutes;
  }

  long count(String condition, Map<String, Object> params) {
    return jdbc.sql("select count(*)" + FROM + " where " + condition)
        .params(params)
        .query(Long.class)
        .single();
  }

  /** Newest publish date first. */
  List<Notice> page(String condition, Map<String, Object> params, int limit, long offset) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + FROM
                + " where "
                + condition
                + " order by n.publish_date desc, n.id desc limit :limit offset :offset")
        .params(params)
        .param("limit", limit)
        .param("offset", offset)
        .query(this::map)
        .list();
  }

  Optional<Notice> find(long id) {
    return jdbc.sql("select " + COLUMNS + FROM + " where n.id = :id")
        .param("id", id)
        .query(this::map)
        .optional();
  }

  /** Locks the notice for the rest of the transaction, so two edits do not interleave. */
  Optional<Notice> lock(long id) {
    jdbc.sql("set local lock_timeout = '3s'").update();
    jdbc.sql("select id from notice where id = :id for update")
        .param("id", id)
        .query(Long.class)
        .optional();
    return find(id);
  }

  long insert(
      String institute,
      String title,
      String body,
      LocalDate publish,
      @Nullable LocalDate expiry,
      String createdBy) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into notice (institute_code, title, body, publish_date, expiry_date,"
                + " created_by) values (:institute, :title, :body, :publish, :expiry, :by)")
        .param("institute", institute)
        .param("title", title)
        .param("body", body)
        .param("publish", publish)
        .param("expiry", expiry)
        .param("by", createdBy)
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  void update(long id, String title, String body, LocalDate publish, @Nullable LocalDate expiry) {
    jdbc.sql(
            "update notice set title = :title, body = :body, publish_date = :publish,"
                + " expiry_date = :expiry, updated_at = now() where id = :id")
        .param("id", id)
        .param("title", title)
        .param("body", body)
        .param("publish", publish)
        .param("expiry", expiry)
        .update();
  }

  void delete(long id) {
    jdbc.sql("delete from notice where id = :id").param("id", id).update();
  }

  List<NoticeAttachment> attachments(long noticeId) {
    return jdbc.sql(
            "select id, notice_id, filename, content_type, size_bytes from notice_attachment"
                + " where notice_id = :n order by id")
        .param("n", noticeId)
        .query(
            (rs, row) ->
                new NoticeAttachment(
                    rs.getLong("id"),
                    rs.getLong("notice_id"),
                    rs.getString("filename"),
                    rs.getString("content_type"),
                    rs.getLong("size_bytes")))
        .list();
  }

  Optional<AttachmentFile> attachment(long noticeId, long attachmentId) {
    return jdbc.sql(
            "select filename, content_type, content from notice_attachment"
                + " where id = :id and notice_id = :n")
        .param("id", attachmentId)
        .param("n", noticeId)
        .query(
            (rs, row) ->
                new AttachmentFile(
                    rs.getString("filename"), rs.getString("content_type"), rs.getBytes("content")))
        .optional();
  }

  void addAttachment(long noticeId, String filename, String contentType, byte[] content) {
    jdbc.sql(
            "insert into notice_attachment (notice_id, filename, content_type, size_bytes,"
                + " content) values (:n, :filename, :type, :size, :content)")
        .param("n", noticeId)
        .param("filename", filename)
        .param("type", contentType)
        .param("size", content.length)
        .param("content", content)
        .update();
  }

  void removeAttachments(long noticeId, List<Long> ids) {
    if (!ids.isEmpty()) {
      jdbc.sql("delete from notice_attachment where notice_id = :n and id in (:ids)")
          .param("n", noticeId)
          .param("ids", ids)
          .update();
    }
  }

  List<Long> classIds(long noticeId) {
    return jdbc.sql("select class_id from notice_class where notice_id = :n order by position")
        .param("n", noticeId)
        .query(Long.class)
        .list();
  }

  void replaceClasses(long noticeId, List<Long> classIds) {
    jdbc.sql("delete from notice_class where notice_id = :n").param("n", noticeId).update();
    for (int i = 0; i < classIds.size(); i++) {
      jdbc.sql("insert into notice_class (notice_id, class_id, position) values (:n, :c, :p)")
          .param("n", noticeId)
          .param("c", classIds.get(i))
          .param("p", i)
          .update();
    }
  }

  private Notice map(ResultSet rs, int row) throws SQLException {
    return new Notice(
        rs.getLong("id"),
        rs.getString("institute_code"),
        institutes.name(rs.getString("institute_code")),
        rs.getString("title"),
        rs.getString("body"),
        rs.getObject("publish_date", LocalDate.class),
        rs.getObject("expiry_date", LocalDate.class),
        rs.getInt("attachment_count"));
  }
}
