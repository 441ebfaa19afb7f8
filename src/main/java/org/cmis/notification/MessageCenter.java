package org.cmis.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.cmis.shared.BusinessTime;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The in-app messages of each account: post, list, count unread, mark read. */
@Service
public class MessageCenter {

  private final JdbcClient jdbc;
  private final Clock clock;

  MessageCenter(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public void post(long accountId, String subject, String body) {
    jdbc.sql(
            "insert into message (account_id, subject, body, created_at)"
                + " values (:account, :subject, :body, :now)")
        .param("account", accountId)
        .param("subject", subject.length() > 200 ? subject.substring(0, 200) : subject)
        .param("body", body)
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  /**
   * Posts a message unless the account already has one with this source key (e.g. {@code
   * registration:42:CONFIRMED}); concurrent posts of the same key store it once.
   *
   * @return true if this call stored the message, false if it was there already
   */
  @Transactional
  public boolean postOnce(long accountId, String sourceKey, String subject, String body) {
    return postOnce(accountId, sourceKey, subject, body, null);
  }

  /**
   * As {@link #postOnce(long, String, String, String)}, with the page the message is about: a path
   * of this site ({@code /classes/42}); anything else (another site, a script) is not kept.
   */
  @Transactional
  public boolean postOnce(
      long accountId, String sourceKey, String subject, String body, @Nullable String link) {
    return jdbc.sql(
                "insert into message (account_id, subject, body, created_at, source_key, link)"
                    + " values (:account, :subject, :body, :now, :key, :link)"
                    + " on conflict (account_id, source_key) do nothing")
            .param("account", accountId)
            .param("subject", subject.length() > 200 ? subject.substring(0, 200) : subject)
            .param("body", body)
            .param("now", OffsetDateTime.now(clock))
            .param("key", sourceKey.length() > 200 ? sourceKey.substring(0, 200) : sourceKey)
            .param("link", sitePath(link))
            .update()
        == 1;
  }

  public long unreadCount(long accountId) {
    return jdbc.sql("select count(*) from message where account_id = :account and read_at is null")
        .param("account", accountId)
        .query(Long.class)
        .single();
  }

  public PageResult<Message> list(long accountId, Paging paging) {
    long total =
        jdbc.sql("select count(*) from message where account_id = :account")
            .param("account", accountId)
            .query(Long.class)
            .single();
    List<Message> items =
        jdbc.sql(
                "select id, subject, body, created_at, read_at, link from message"
                    + " where account_id = :account order by created_at desc, id desc"
                    + " limit :limit offset :offset")
            .param("account", accountId)
            .param("limit", paging.size())
            .param("offset", paging.offset())
            .query(
                (rs, row) ->
                    new Message(
                        rs.getLong("id"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        local(rs.getObject("created_at", OffsetDateTime.class)),
                        rs.getObject("read_at", OffsetDateTime.class),
                        rs.getString("link")))
            .list();
    return new PageResult<>(items, total, paging.page(), paging.size());
  }

  /** Marks all of an account's messages read. */
  @Transactional
  public void markAllRead(long accountId) {
    jdbc.sql("update message set read_at = :now where account_id = :account and read_at is null")
        .param("now", OffsetDateTime.now(clock))
        .param("account", accountId)
        .update();
  }

  /**
   * Marks one message read, if it is the account's own (read already: nothing changes).
   *
   * @return false when the account has no message with this id (someone else's, or none)
   */
  @Transactional
  public boolean markRead(long accountId, long messageId) {
    return jdbc.sql(
                "update message set read_at = coalesce(read_at, :now)"
                    + " where id = :id and account_id = :account")
            .param("now", OffsetDateTime.now(clock))
            .param("id", messageId)
            .param("account", accountId)
            .update()
        == 1;
  }

  /** A path of this site, at most 300 characters; null for anything else. */
  static @Nullable String sitePath(@Nullable String link) {
    if (link == null
        || link.length() > 300
        || !link.startsWith("/")
        || link.startsWith("//")
        || link.contains("\\")
        || link.chars().anyMatch(c -> c < 0x21)) {
      return null;
    }
    return link;
  }

  private static OffsetDateTime local(OffsetDateTime time) {
    return time.atZoneSameInstant(BusinessTime.ZONE).toOffsetDateTime();
  }
}
