package org.cmis.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.cmis.shared.AuditEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The settings an administrator stored, by key (e.g. {@code integration.supervision.secret}). Each
 * call reads the table, so every instance sees a change at once; callers fall back to their
 * configured default when nothing is stored. Storing or removing a value is audited in the same
 * transaction (a secret's value never reaches the audit log).
 */
@Service
public class Settings {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  Settings(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** The stored value of the key, or empty when the configured default holds. */
  public Optional<String> stored(String key) {
    return jdbc.sql("select value from setting where key = :key")
        .param("key", key)
        .query(String.class)
        .optional();
  }

  /** Every stored value, by key (one query, for a page that shows several). */
  public Map<String, String> storedAll() {
    Map<String, String> values = new LinkedHashMap<>();
    jdbc.sql("select key, value from setting order by key")
        .query((rs, n) -> values.put(rs.getString("key"), rs.getString("value")))
        .list();
    return values;
  }

  /**
   * Stores a value (replacing any earlier one) and audits it; {@code secret} keeps the value out of
   * the audit log. The caller has validated the value.
   */
  @Transactional
  public void store(String key, String value, boolean secret, String actor, String address) {
    String before =
        jdbc.sql("select value from setting where key = :key for update")
            .param("key", key)
            .query(String.class)
            .optional()
            .orElse(null);
    if (value.equals(before)) {
      return;
    }
    jdbc.sql(
            "insert into setting (key, value, updated_at, updated_by) values (:key, :value, now(),"
                + " :by) on conflict (key) do update set value = excluded.value,"
                + " updated_at = excluded.updated_at, updated_by = excluded.updated_by")
        .param("key", key)
        .param("value", value)
        .param("by", cut(actor))
        .update();
    events.publishEvent(
        new AuditEvent(
            actor,
            "SETTING_STORED",
            "Setting",
            key,
            address,
            state(before, secret),
            state(value, secret)));
  }

  /**
   * Removes the stored value, so the configured default holds again; audited when there was one.
   */
  @Transactional
  public void remove(String key, boolean secret, String actor, String address) {
    String before =
        jdbc.sql("delete from setting where key = :key returning value")
            .param("key", key)
            .query(String.class)
            .optional()
            .orElse(null);
    if (before != null) {
      events.publishEvent(
          new AuditEvent(
              actor, "SETTING_REMOVED", "Setting", key, address, state(before, secret), null));
    }
  }

  private static String cut(String actor) {
    return actor.length() > 100 ? actor.substring(0, 100) : actor;
  }

  /** A setting's value as the audit log keeps it (ADR 0035): a secret only as stars. */
  private static java.util.@Nullable Map<String, String> state(
      @Nullable String value, boolean secret) {
    String shown = shown(value, secret);
    return shown == null ? null : java.util.Map.of("value", shown);
  }

  private static @Nullable String shown(@Nullable String value, boolean secret) {
    if (value == null) {
      return null;
    }
    return secret ? "******" : value;
  }
}
