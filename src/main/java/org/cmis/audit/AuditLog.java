package org.cmis.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.cmis.shared.AuditEvent;
import org.cmis.shared.AuditEvents;
import org.cmis.shared.BusinessTime;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every {@link AuditEvent} in the transaction that published it, so a change and its audit
 * entry are committed together or not at all; and searches the log.
 */
@Service
public class AuditLog {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  AuditLog(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @EventListener
  void on(AuditEvent event) {
    jdbc.sql(
            "insert into audit_entry (actor, action, entity_type, entity_id, client_address,"
                + " before_state, after_state) values (:actor, :action, :type, :id, :address,"
                + " :before, :after)")
        .param("actor", cut(event.actor(), 100))
        .param("action", cut(event.action(), 50))
        .param("type", cut(event.entityType(), 50))
        .param("id", cut(event.entityId(), 100))
        .param("address", cut(addressOf(event), 64))
        .param("before", state(event.before()))
        .param("after", state(event.after()))
        .update();
  }

  @EventListener
  void on(AuditEvents events) {
    List<AuditEvent> entries = events.entries();
    if (entries.isEmpty()) {
      return;
    }
    jdbc.sql(
            "insert into audit_entry (actor, action, entity_type, entity_id, client_address,"
                + " before_state, after_state) select * from unnest(cast(:actors as text[]),"
                + " cast(:actions as text[]), cast(:types as text[]), cast(:ids as text[]),"
                + " cast(:addresses as text[]), cast(:befores as text[]), cast(:afters as"
                + " text[]))")
        .param("actors", column(entries, e -> cut(e.actor(), 100)))
        .param("actions", column(entries, e -> cut(e.action(), 50)))
        .param("types", column(entries, e -> cut(e.entityType(), 50)))
        .param("ids", column(entries, e -> cut(e.entityId(), 100)))
        .param("addresses", column(entries, e -> cut(addressOf(e), 64)))
        .param("befores", column(entries, e -> state(e.before())))
        .param("afters", column(entries, e -> state(e.after())))
        .update();
  }

  /**
   * A state as stored: a map or a record as one JSON object of field → value (ADR 0035), a string
   * as given (producers that write their own JSON), nothing as null.
   */
  @Nullable String state(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      return text;
    }
    return json.writeValueAsString(value);
  }

  private static String[] column(
      List<AuditEvent> entries, Function<AuditEvent, @Nullable String> value) {
    return entries.stream().map(value).toArray(String[]::new);
  }

  /** The event's client address, or the current request's when the publisher had none. */
  private static String addressOf(AuditEvent event) {
    if (!event.clientAddress().isEmpty()) {
      return event.clientAddress();
    }
    if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
        instanceof org.springframework.web.context.request.ServletRequestAttributes attributes) {
      return org.cmis.shared.web.ClientAddress.of(attributes.getRequest());
    }
    return "";
  }

  /** Entries newest first, filtered by actor, action (exact) and calendar dates (inclusive). */
  public PageResult<AuditEntry> search(AuditQuery query, Paging paging) {
    List<String> where = new ArrayList<>();
    where.add("true");
    if (!query.actor().isBlank()) {
      where.add("actor = :actor");
    }
    if (!query.action().isBlank()) {
      where.add("action = :action");
    }
    if (query.from() != null) {
      where.add("occurred_at >= :from");
    }
    if (query.to() != null) {
      where.add("occurred_at < :to");
    }
    String condition = String.join(" and ", where);
    var count = jdbc.sql("select count(*) from audit_entry where " + condition);
    var select =
        jdbc.sql(
            "select id, occurred_at, actor, action, entity_type, entity_id, client_address,"
                + " before_state, after_state from audit_entry where "
                + condition
                + " order by occurred_at desc, id desc limit :limit offset :offset");
    for (var spec : List.of(count, select)) {
      bind(spec, query);
    }
    long total = count.query(Long.class).single();
    List<AuditEntry> items =
        select
            .param("limit", paging.size())
            .param("offset", paging.offset())
            .query(
                (rs, row) ->
                    new AuditEntry(
                        rs.getLong("id"),
                        rs.getObject("occurred_at", OffsetDateTime.class)
                            .atZoneSameInstant(BusinessTime.ZONE)
                            .toOffsetDateTime(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("entity_type"),
                        rs.getString("entity_id"),
                        rs.getString("client_address"),
                        rs.getString("before_state"),
                        rs.getString("after_state")))
            .list();
    return new PageResult<>(items, total, paging.page(), paging.size());
  }

  private static void bind(JdbcClient.StatementSpec spec, AuditQuery query) {
    if (!query.actor().isBlank()) {
      spec.param("actor", query.actor().trim());
    }
    if (!query.action().isBlank()) {
      spec.param("action", query.action().trim());
    }
    if (query.from() != null) {
      spec.param("from", startOf(query.from()));
    }
    if (query.to() != null) {
      spec.param("to", startOf(query.to().plusDays(1)));
    }
  }

  private static OffsetDateTime startOf(LocalDate date) {
    return date.atStartOfDay(BusinessTime.ZONE).toOffsetDateTime();
  }

  private static String cut(@Nullable String value, int max) {
    if (value == null) {
      return "";
    }
    return value.length() > max ? value.substring(0, max) : value;
  }
}
