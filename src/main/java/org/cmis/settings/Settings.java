package org.cmis.settings;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The settings an administrator stored, by key (e.g. {@code integration.supervision.secret}). Each
 * call reads the table, so every instance sees a change at once; callers fall back to their
 * configured default when nothing is stored.
 */
@Service
public class Settings {

  private final JdbcClient jdbc;

  Settings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The stored value of the key, or empty when the configured default holds. */
  public Optional<String> stored(String key) {
    return jdbc.sql("select value from setting where key = :key")
        .param("key", key)
        .query(String.class)
        .optional();
  }
}
