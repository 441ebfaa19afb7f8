package org.cmis.identity.token;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hears the database's channel {@code cmis_token} (filled by triggers on {@code api_token} and
 * {@code account}, V2_4) on a connection of its own, and evicts what it is told from the {@link
 * TokenCache}. While the connection is down the cache is off and every token check asks the
 * database; after a reconnect the cache starts empty (ADR 0010).
 */
@Component
class TokenChangeListener implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(TokenChangeListener.class);
  private static final int WAIT_MILLIS = 500;
  private static final long CHECK_EVERY_MILLIS = 5_000;
  private static final int CHECK_TIMEOUT_MILLIS = 5_000;

  private final DataSource dataSource;
  private final TokenCache cache;
  private volatile boolean running;
  private boolean failing; // only the listener's thread reads and writes it
  private Thread thread;

  TokenChangeListener(DataSource dataSource, TokenCache cache) {
    this.dataSource = dataSource;
    this.cache = cache;
  }

  @Override
  public synchronized void start() {
    running = true;
    if (!cache.enabled()) {
      return; // cmis.security.token-cache-ttl=0: every check asks the database
    }
    thread = new Thread(this::listen, "token-change-listener");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    cache.live(false);
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void listen() {
    while (running) {
      try (Connection connection = dataSource.getConnection()) {
        if (!connection.isWrapperFor(PGConnection.class)) {
          log.info("Not PostgreSQL: API token checks are not cached");
          return;
        }
        try {
          hear(connection);
        } finally {
          // the connection goes back to the pool: it must not go on collecting notifications
          unlisten(connection);
        }
      } catch (SQLException | RuntimeException e) {
        cache.live(false);
        if (running) {
          if (!failing) {
            log.warn("Token changes not heard; token checks ask the database: {}", e.toString());
          }
          failing = true;
          pause();
        }
      } finally {
        cache.live(false);
      }
    }
  }

  /** Listens until stopped or the connection fails; the cache is used meanwhile. */
  private void hear(Connection connection) throws SQLException {
    connection.setAutoCommit(true);
    // a connection that died without a word fails the check below instead of hanging on it
    connection.setNetworkTimeout(Runnable::run, CHECK_TIMEOUT_MILLIS);
    try (Statement s = connection.createStatement()) {
      s.execute("listen cmis_token");
    }
    PGConnection pg = connection.unwrap(PGConnection.class);
    cache.live(true);
    if (failing) {
      log.info("Token changes heard again; token checks are cached");
      failing = false;
    }
    long checked = System.currentTimeMillis();
    while (running) {
      PGNotification[] told = pg.getNotifications(WAIT_MILLIS);
      if (told != null) {
        for (PGNotification n : told) {
          cache.told(n.getParameter());
        }
      }
      if (System.currentTimeMillis() - checked > CHECK_EVERY_MILLIS) {
        try (Statement s = connection.createStatement()) {
          s.execute("select 1");
        }
        checked = System.currentTimeMillis();
      }
    }
  }

  private static void unlisten(Connection connection) {
    try (Statement s = connection.createStatement()) {
      s.execute("unlisten *");
    } catch (SQLException e) {
      // a broken connection is not given out again by the pool
    }
  }

  private void pause() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
