package org.cmis.database;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;

/**
 * The embedded servers of this JVM, one per data folder, shared by every application context that
 * names the same folder (tests build several contexts) and stopped when the last one closes.
 */
final class EmbeddedDatabases {

  private static final Map<Path, Entry> running = new HashMap<>();

  private EmbeddedDatabases() {}

  static synchronized EmbeddedDatabase acquire(
      Path dataDir, boolean durable, boolean fresh, Log log) {
    if (!shutdownHandlerAdded) {
      // Runs after Spring has closed every application context on JVM exit: the last net for
      // a context that failed before it could stop its server.
      SpringApplication.getShutdownHandlers().add(EmbeddedDatabases::closeAll);
      shutdownHandlerAdded = true;
    }
    Path key = dataDir.toAbsolutePath().normalize();
    Entry entry = running.get(key);
    if (entry == null) {
      // "fresh" wipes the folder only when this JVM first starts a server in it.
      boolean wipe = fresh && !startedOnce.containsKey(key);
      entry = new Entry(EmbeddedDatabase.start(key, durable, wipe, log));
      running.put(key, entry);
      startedOnce.put(key, Boolean.TRUE);
    }
    entry.users++;
    return entry.database;
  }

  static synchronized void release(Path dataDir) {
    Path key = dataDir.toAbsolutePath().normalize();
    Entry entry = running.get(key);
    if (entry != null && --entry.users <= 0) {
      running.remove(key);
      entry.database.close();
    }
  }

  static synchronized void closeAll() {
    running.values().forEach(entry -> entry.database.close());
    running.clear();
  }

  private static final Map<Path, Boolean> startedOnce = new HashMap<>();
  private static boolean shutdownHandlerAdded;

  private static final class Entry {
    final EmbeddedDatabase database;
    int users;

    Entry(EmbeddedDatabase database) {
      this.database = database;
    }
  }
}
