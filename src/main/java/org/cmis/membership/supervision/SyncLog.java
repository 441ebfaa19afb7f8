package org.cmis.membership.supervision;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.Role;
import org.cmis.shared.SqlLike;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sync log (F2.4): every batch with its counts, and every event with its outcome, searchable.
 * Admin sees all; staff see the events about members and firms of their institute (before or after
 * the event), and the batches in which any such event appears, counted over those events alone;
 * anyone else is refused.
 */
@Service
class SyncLog {

  /** A batch as a row of the log: when, and how many of its events (in the caller's scope). */
  record Batch(
      long id, OffsetDateTime receivedAt, int events, int accepted, int ignored, int rejected) {}

  /** One event's outcome. */
  record Event(
      long batchId,
      OffsetDateTime receivedAt,
      int seq,
      @Nullable String eventId,
      @Nullable String type,
      @Nullable String entityNo,
      @Nullable Long version,
      String outcome,
      @Nullable String code,
      @Nullable String message) {}

  /** The search of events: each filter blank = any; outcome blank = REJECTED, ALL = any. */
  record EventQuery(
      @Nullable Long batchId, String eventId, String number, String code, String outcome) {}

  static final List<String> OUTCOMES = List.of("REJECTED", "ACCEPTED", "IGNORED", "ALL");

  private final JdbcClient jdbc;

  SyncLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public PageResult<Batch> batches(CurrentUser caller, Paging paging) {
    String institute = scope(caller);
    if (institute == null) {
      long total = jdbc.sql("select count(*) from supervision_batch").query(Long.class).single();
      List<Batch> items =
          jdbc.sql(
                  "select id, received_at, event_count, accepted, ignored, rejected"
                      + " from supervision_batch order by received_at desc, id desc"
                      + " limit :limit offset :offset")
              .param("limit", paging.size())
              .param("offset", paging.offset())
              .query(
                  (rs, n) ->
                      new Batch(
                          rs.getLong(1),
                          rs.getObject(2, OffsetDateTime.class),
                          rs.getInt(3),
                          rs.getInt(4),
                          rs.getInt(5),
                          rs.getInt(6)))
              .list();
      return new PageResult<>(items, total, paging.page(), paging.size());
    }
    String mine = " from supervision_event_log l where :institute = any(l.institutes)";
    long total =
        jdbc.sql("select count(distinct l.batch_id)" + mine)
            .param("institute", institute)
            .query(Long.class)
            .single();
    List<Batch> items =
        jdbc.sql(
                "select b.id, b.received_at, c.events, c.accepted, c.ignored, c.rejected"
                    + " from (select l.batch_id, count(*) as events,"
                    + " count(*) filter (where l.outcome = 'ACCEPTED') as accepted,"
                    + " count(*) filter (where l.outcome = 'IGNORED') as ignored,"
                    + " count(*) filter (where l.outcome = 'REJECTED') as rejected"
                    + mine
                    + " group by l.batch_id) c join supervision_batch b on b.id = c.batch_id"
                    + " order by b.received_at desc, b.id desc limit :limit offset :offset")
            .param("institute", institute)
            .param("limit", paging.size())
            .param("offset", paging.offset())
            .query(
                (rs, n) ->
                    new Batch(
                        rs.getLong(1),
                        rs.getObject(2, OffsetDateTime.class),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getInt(6)))
            .list();
    return new PageResult<>(items, total, paging.page(), paging.size());
  }

  @Transactional(readOnly = true)
  public PageResult<Event> events(CurrentUser caller, EventQuery q, Paging paging) {
    String institute = scope(caller);
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    if (institute != null) {
      where.add(":institute = any(l.institutes)");
      params.put("institute", institute);
    }
    if (q.batchId() != null) {
      where.add("l.batch_id = :batch");
      params.put("batch", q.batchId());
    }
    if (!q.eventId().isBlank()) {
      where.add("l.event_id like :eventId escape '\\'");
      params.put("eventId", SqlLike.contains(q.eventId().strip()));
    }
    if (!q.number().isBlank()) {
      where.add("l.entity_no like :number escape '\\'");
      params.put("number", SqlLike.contains(q.number().strip()));
    }
    if (!q.code().isBlank()) {
      where.add("l.code = :code");
      params.put("code", q.code().strip());
    }
    String outcome = q.outcome().isBlank() ? "REJECTED" : q.outcome();
    if (!outcome.equals("ALL")) {
      where.add("l.outcome = :outcome");
      params.put("outcome", outcome);
    }
    String from =
        " from supervision_event_log l join supervision_batch b on b.id = l.batch_id"
            + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
    long total = jdbc.sql("select count(*)" + from).params(params).query(Long.class).single();
    List<Event> items =
        jdbc.sql(
                "select l.batch_id, b.received_at, l.seq, l.event_id, l.type, l.entity_no,"
                    + " l.version, l.outcome, l.code, l.message"
                    + from
                    + " order by b.received_at desc, l.batch_id desc, l.seq"
                    + " limit :limit offset :offset")
            .params(params)
            .param("limit", paging.size())
            .param("offset", paging.offset())
            .query(
                (rs, n) -> {
                  long version = rs.getLong("version");
                  Long v = rs.wasNull() ? null : version;
                  return new Event(
                      rs.getLong("batch_id"),
                      rs.getObject("received_at", OffsetDateTime.class),
                      rs.getInt("seq"),
                      rs.getString("event_id"),
                      rs.getString("type"),
                      rs.getString("entity_no"),
                      v,
                      rs.getString("outcome"),
                      rs.getString("code"),
                      rs.getString("message"));
                })
            .list();
    return new PageResult<>(items, total, paging.page(), paging.size());
  }

  /** The caller's institute (staff), null for all (admin); anyone else is refused. */
  private static @Nullable String scope(CurrentUser caller) {
    if (caller.is(Role.ADMIN)) {
      return null;
    }
    if (caller.is(Role.STAFF) && caller.instituteCode() != null) {
      return caller.instituteCode();
    }
    throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
  }
}
