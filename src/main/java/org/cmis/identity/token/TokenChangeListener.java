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
  private static final long CHECK_EVERY_MILLIS = 10_000;

  private final DataSource dataSource;
  private final TokenCache cache;
  private volatile boolean running;
  private Thread thread;

  TokenChangeListener(DataSource dataSource, TokenCache cache) {
    this.dataSource = dataSource;
    this.cache = cache;
  }

  @Override
  public synchronized void start() {
    running = true;
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
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
          s.execute("listen cmis_token");
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        cache.live(true);
        long checked = System.currentTimeMillis();
        while (running) {
          PGNotification[] told = pg.getNotifications(WAIT_MILLIS);
          if (told != null) {
            for (PGNotification n : told) {
              cache.told(n.getParameter());
            }
          }
          if (System.currentTimeMillis() - checked > CHECK_EVERY_MILLIS) {
            // a connection that broke without a word shows here
            try (Statement s = connection.createStatement()) {
              s.execute("select 1");
            }
            checked = System.currentTimeMillis();
          }
        }
      } catch (SQLException | RuntimeException e) {
        cache.live(false);
        if (running) {
          log.warn("Token changes not heard; token checks ask the database: {}", e.toString());
          pause();
        }
      } finally {
        cache.live(false);
      }
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
