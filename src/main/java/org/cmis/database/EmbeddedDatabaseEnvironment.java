package org.cmis.database;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded PostgreSQL before the application context is built when no {@code
 * spring.datasource.url} is set, and points the data source at it. Doing it here keeps every
 * database-using auto-configuration (Hikari, Flyway, sessions, events) unaware of the difference.
 */
public class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

  static final String SOURCE_NAME = "cmisEmbeddedDatabase";

  private final Log log;

  public EmbeddedDatabaseEnvironment(DeferredLogFactory logs) {
    this.log = logs.getLog(EmbeddedDatabaseEnvironment.class);
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> defaults = new HashMap<>();
    boolean embedded = !environment.containsProperty("spring.datasource.url");
    if (embedded) {
      Path dataDir = Path.of(environment.getProperty("cmis.data-dir", "./data"));
      boolean durable = environment.getProperty("cmis.database.durable", Boolean.class, true);
      boolean fresh = environment.getProperty("cmis.database.fresh", Boolean.class, false);
      EmbeddedDatabase database = EmbeddedDatabases.acquire(dataDir, durable, fresh, log);
      defaults.put("spring.datasource.url", database.jdbcUrl());
      defaults.put("spring.datasource.username", EmbeddedDatabase.USER);
      defaults.put("spring.datasource.password", database.password());
      defaults.put("cmis.database.embedded-dir", dataDir.toAbsolutePath().normalize().toString());
    }
    boolean demo = environment.getProperty("cmis.demo.enabled", Boolean.class, embedded);
    defaults.put("cmis.demo.enabled", demo);
    if (demo && !environment.containsProperty("cmis.integration.supervision.secret")) {
      defaults.put("cmis.integration.supervision.secret", "demo-sync-secret");
    }
    environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, defaults));
  }

  @Override
  public int getOrder() {
    // After the application's own configuration files are read.
    return Ordered.LOWEST_PRECEDENCE;
  }
}
