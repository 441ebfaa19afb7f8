package org.cmis.database;

import java.nio.file.Path;
import org.springframework.beans.factory.DisposableBean;

/**
 * Stops the embedded PostgreSQL when the application context closes (Ctrl-C, SIGTERM, end of
 * tests). The library's own shutdown hook is a second net.
 */
class EmbeddedDatabaseLifecycle implements DisposableBean {

  private final Path dataDir;

  EmbeddedDatabaseLifecycle(Path dataDir) {
    this.dataDir = dataDir;
  }

  @Override
  public void destroy() {
    EmbeddedDatabases.release(dataDir);
  }
}
