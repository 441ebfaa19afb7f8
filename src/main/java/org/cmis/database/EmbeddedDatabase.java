package org.cmis.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/** One embedded PostgreSQL server keeping its files in a data folder that survives restarts. */
final class EmbeddedDatabase implements AutoCloseable {

  static final String USER = "postgres";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(20);

  private final EmbeddedPostgres postgres;
  private final String password;

  private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
    this.postgres = postgres;
    this.password = password;
  }

  static EmbeddedDatabase start(Path dataDir, boolean durable, boolean fresh, Log startLog) {
    try {
      if (fresh) {
        FileSystemUtils.deleteRecursively(dataDir);
      }
      Files.createDirectories(dataDir);
      stopOrphan(dataDir, startLog);
      DatabasePassword password = DatabasePassword.of(dataDir, startLog);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setPgBinaryResolver(EmbeddedBinaries.INSTANCE)
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              // Stopped by the application after its connection pool has closed, not by a JVM
              // hook racing the graceful shutdown (see EmbeddedDatabases).
              .setRegisterShutdownHook(false)
              .setPGStartupWait(Duration.ofSeconds(60))
              // room for bench/rush's pgbench at the rush's 400 clients beside the pools
              .setServerConfig("max_connections", "500")
              .setLocaleConfig("locale", "C.UTF-8")
              // Only where the application connects: loopback TCP, no Unix socket in /tmp.
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("unix_socket_directories", "")
              .setServerConfig("password_encryption", "scram-sha-256")
              // the library's readiness check connects too
              .setConnectConfig("password", password.value())
              .setDataDirectoryCustomizer(
                  dir -> password.secure(dir.toPath(), singleUser(), startLog));
      if (durable) {
        // The builder's defaults favour speed over safety; a committed registration must
        // survive a power cut.
        builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
      }
      return new EmbeddedDatabase(builder.start(), password.value());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
    }
  }

  /** The command that runs {@code postgres}, as the library runs it (unshared when root). */
  private static List<String> singleUser() {
    String postgres = EmbeddedBinaries.INSTANCE.postgres().toString();
    return LinuxUtils.isUnshareAvailable() ? List.of("unshare", "-U", postgres) : List.of(postgres);
  }

  /**
   * A JVM killed with -9 leaves its postgres running with our data folder locked; stop it so this
   * start can take the folder over. Only a process that is really a postgres server is touched.
   */
  private static void stopOrphan(Path dataDir, Log startLog) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.isReadable(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (process.isEmpty() || !isPostgres(process.get())) {
      return;
    }
    startLog.warn("Stopping an orphaned PostgreSQL (pid " + pid + ") left running in " + dataDir);
    ProcessHandle postgres = process.get();
    postgres.destroy();
    try {
      postgres.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      postgres.destroyForcibly();
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(c -> c.contains("postgres")).orElse(false);
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
  }

  String password() {
    return password;
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      log.warn("Could not stop the embedded PostgreSQL cleanly", e);
    }
  }
}
