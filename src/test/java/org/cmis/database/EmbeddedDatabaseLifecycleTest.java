package org.cmis.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL of the real application, run in child JVMs on one data folder: it keeps
 * the data across restarts, runs durably, stops with the application, survives a JVM killed with
 * -9, and the demo data is loaded only once.
 */
class EmbeddedDatabaseLifecycleTest {

  private static final Duration FIRST_START = Duration.ofSeconds(60);
  // Generous bounds: this test proves the restarts work; the 20 s start-up target is measured
  // by bench/cold-start on an otherwise idle machine (a busy 2-core machine doubles the time).
  private static final Duration RESTART = Duration.ofSeconds(60);
  private static final Duration RESTART_AFTER_KILL = Duration.ofSeconds(60);
  private static final Duration STOP = Duration.ofSeconds(30);

  /** How long to keep polling: longer than the limits, so a slow start is measured, not cut. */
  private static final Duration POLL = Duration.ofSeconds(90);

  private static final String MARKER = "ZZ";

  @TempDir static Path work;

  private static final List<Process> children = new ArrayList<>();
  private static final List<Path> logs = new ArrayList<>();
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static Path dataDir() {
    return work.resolve("data").toAbsolutePath().normalize();
  }

  @Test
  void embeddedPostgresKeepsDataStopsWithTheAppAndSurvivesKill9() throws Throwable {
    try {
      run();
    } catch (Throwable failure) {
      printLogs();
      throw failure;
    }
  }

  private void run() throws Exception {
    Path dataDir = dataDir();

    // a. First start: initdb, migrations, demo data.
    App first = App.start(1);
    Duration firstUp = first.awaitHealthy(POLL);
    report("a. first start healthy after %d ms", firstUp.toMillis());
    assertThat(firstUp).isLessThanOrEqualTo(FIRST_START);
    assertThat(first.token("STAFF", "sz-staff", "Demo@2026")).isEqualTo(200);
    Map<String, Long> counts;
    try (Connection db = connect()) {
      assertThat(show(db, "fsync")).isEqualTo("on");
      assertThat(show(db, "synchronous_commit")).isEqualTo("on");
      counts = counts(db);
      report("a. fsync=on, synchronous_commit=on, rows %s", counts);
      assertThat(counts.get("member")).isPositive();
      assertThat(counts.get("account")).isPositive();
      assertThat(counts.get("firm")).isPositive();
      assertThat(counts.get("demo_data_load")).isEqualTo(1);
      try (Statement st = db.createStatement()) {
        st.executeUpdate(
            "insert into institute (code, name) values ('" + MARKER + "', 'lifecycle marker')");
      }
      // Counted again with the marker, to compare with the restarts'.
      counts = counts(db);
    }
    long firstPostmaster = postmasterPid().orElseThrow();

    // b. Graceful stop (SIGTERM) stops postgres too.
    Duration firstStop = first.stop();
    report("b. SIGTERM: JVM exited (code %d) after %d ms", first.exitCode(), firstStop.toMillis());
    assertThat(first.exitCode()).as("exit code after SIGTERM").isIn(0, 143);
    assertNoPostgres(dataDir);
    assertThat(running(firstPostmaster)).as("postmaster %d running", firstPostmaster).isFalse();

    // c. Second start on the same folder: fast, same data, demo data not loaded again.
    App second = App.start(2);
    Duration secondUp = second.awaitHealthy(POLL);
    report("c. second start healthy after %d ms", secondUp.toMillis());
    assertThat(secondUp).isLessThanOrEqualTo(RESTART);
    assertThat(second.token("STAFF", "sz-staff", "Demo@2026")).isEqualTo(200);
    try (Connection db = connect()) {
      assertThat(markerPresent(db)).as("marker institute %s", MARKER).isTrue();
      assertThat(counts(db)).isEqualTo(counts);
    }

    // d. kill -9 of the JVM leaves postgres running; the next start takes the folder over.
    long orphan = postmasterPid().orElseThrow();
    Duration killed = second.kill();
    report("d. kill -9: JVM gone after %d ms", killed.toMillis());
    assertThat(running(orphan)).as("orphaned postmaster %d still running", orphan).isTrue();
    assertThat(commandLine(orphan)).contains(dataDir.toString());

    App third = App.start(3);
    Duration thirdUp = third.awaitHealthy(POLL);
    report("d. start after kill -9 healthy after %d ms", thirdUp.toMillis());
    assertThat(thirdUp).isLessThanOrEqualTo(RESTART_AFTER_KILL);
    assertThat(running(orphan)).as("orphaned postmaster %d still running", orphan).isFalse();
    assertThat(postmasterPid()).isPresent().isNotEqualTo(OptionalLong.of(orphan));
    assertThat(third.token("STAFF", "sz-staff", "Demo@2026")).isEqualTo(200);
    try (Connection db = connect()) {
      assertThat(markerPresent(db)).as("marker institute %s", MARKER).isTrue();
      assertThat(counts(db)).isEqualTo(counts);
    }
    long thirdPostmaster = postmasterPid().orElseThrow();
    Duration thirdStop = third.stop();
    report("d. SIGTERM: JVM exited (code %d) after %d ms", third.exitCode(), thirdStop.toMillis());
    assertThat(third.exitCode()).as("exit code after SIGTERM").isIn(0, 143);
    assertNoPostgres(dataDir);
    assertThat(running(thirdPostmaster)).as("postmaster %d running", thirdPostmaster).isFalse();
  }

  // ---- the application in a child JVM ----

  private static final class App {

    private final Process process;
    private final int port;
    private final long started;

    private App(Process process, int port, long started) {
      this.process = process;
      this.port = port;
      this.started = started;
    }

    static App start(int run) throws IOException {
      int port = freePort();
      Path log = work.resolve("app-" + run + ".log");
      logs.add(log);
      List<String> command =
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-Xmx1g",
              "-Dfile.encoding=UTF-8",
              "-cp",
              System.getProperty("java.class.path"),
              "org.cmis.CmisApplication",
              "--server.port=" + port,
              "--cmis.data-dir=" + dataDir(),
              "--cmis.security.captcha.enabled=true",
              "--logging.level.root=WARN",
              "--logging.level.org.cmis=INFO",
              "--logging.level.io.zonky=INFO");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(work.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      long started = System.nanoTime();
      Process process = builder.start();
      children.add(process);
      return new App(process, port, started);
    }

    /** Waits for /actuator/health to answer UP; returns the time since the JVM was started. */
    Duration awaitHealthy(Duration atMost) {
      await("health UP on port " + port)
          .atMost(atMost)
          .pollDelay(Duration.ofMillis(200))
          .pollInterval(Duration.ofMillis(100))
          .until(this::healthy);
      return Duration.ofNanos(System.nanoTime() - started);
    }

    private boolean healthy() {
      if (!process.isAlive()) {
        throw new IllegalStateException("The application exited with " + process.exitValue());
      }
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(uri("/actuator/health"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    int token(String type, String account, String password) throws Exception {
      String body =
          "{\"userType\":\""
              + type
              + "\",\"account\":\""
              + account
              + "\",\"password\":\""
              + password
              + "\"}";
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        assertThat(response.body()).contains("\"token\"");
      }
      return response.statusCode();
    }

    /** SIGTERM, then waits for the JVM to exit. */
    Duration stop() {
      long start = System.nanoTime();
      process.destroy();
      await("JVM exit after SIGTERM").atMost(STOP).until(() -> !process.isAlive());
      return Duration.ofNanos(System.nanoTime() - start);
    }

    /** SIGKILL, then waits for the JVM to be gone. */
    Duration kill() {
      long start = System.nanoTime();
      process.destroyForcibly();
      await("JVM exit after SIGKILL").atMost(STOP).until(() -> !process.isAlive());
      return Duration.ofNanos(System.nanoTime() - start);
    }

    int exitCode() {
      return process.exitValue();
    }

    private URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  // ---- the embedded server, seen from outside ----

  private static Connection connect() throws IOException, SQLException {
    List<String> lines = Files.readAllLines(dataDir().resolve("postmaster.pid"));
    int port = Integer.parseInt(lines.get(3).trim());
    // the password the application generated at its first start, owner-only in the data folder
    String password = Files.readString(dataDir().resolve(DatabasePassword.FILE)).trim();
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", password);
  }

  private static String show(Connection db, String setting) throws SQLException {
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("show " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static Map<String, Long> counts(Connection db) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : List.of("member", "account", "firm", "institute", "demo_data_load")) {
      try (Statement st = db.createStatement();
          ResultSet rs = st.executeQuery("select count(*) from " + table)) {
        rs.next();
        counts.put(table, rs.getLong(1));
      }
    }
    return counts;
  }

  private static boolean markerPresent(Connection db) throws SQLException {
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery("select count(*) from institute where code = '" + MARKER + "'")) {
      rs.next();
      return rs.getLong(1) == 1;
    }
  }

  private static OptionalLong postmasterPid() {
    Path pidFile = dataDir().resolve("postmaster.pid");
    try {
      List<String> lines = Files.readAllLines(pidFile);
      return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0)));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** Alive and not a zombie waiting to be reaped. */
  private static boolean running(long pid) {
    if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String state = stat.substring(stat.lastIndexOf(')') + 1).trim();
      return !state.startsWith("Z") && !state.startsWith("X");
    } catch (IOException | RuntimeException e) {
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
  }

  private static String commandLine(long pid) {
    return ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("");
  }

  private static List<ProcessHandle> processesOf(Path dataDir) {
    String dir = dataDir.toString();
    return ProcessHandle.allProcesses()
        .filter(p -> p.pid() != ProcessHandle.current().pid())
        .filter(p -> p.info().commandLine().map(c -> c.contains(dir)).orElse(false))
        .filter(p -> running(p.pid()))
        .toList();
  }

  /** No postgres (nor anything else) runs on the folder any more, and its pid file is gone. */
  private static void assertNoPostgres(Path dataDir) {
    assertThat(processesOf(dataDir))
        .as("processes left running on %s", dataDir)
        .extracting(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
        .isEmpty();
    OptionalLong pid = postmasterPid();
    if (pid.isPresent()) {
      assertThat(running(pid.getAsLong()))
          .as("postmaster %d of the stale postmaster.pid running", pid.getAsLong())
          .isFalse();
    }
  }

  // ---- clean-up and diagnostics ----

  @AfterAll
  static void killEverything() {
    for (Process child : children) {
      child.descendants().forEach(ProcessHandle::destroyForcibly);
      child.destroyForcibly();
    }
    if (work == null) {
      return;
    }
    Path dataDir = dataDir();
    Map<Long, ProcessHandle> leftovers = new LinkedHashMap<>();
    processesOf(dataDir).forEach(p -> leftovers.put(p.pid(), p));
    postmasterPid().stream()
        .mapToObj(ProcessHandle::of)
        .flatMap(Optional::stream)
        .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
        .forEach(p -> leftovers.put(p.pid(), p));
    for (ProcessHandle leftover : leftovers.values()) {
      System.err.printf(
          "Killing leftover process %d %s%n",
          leftover.pid(), leftover.info().commandLine().orElse("?"));
      leftover.descendants().forEach(ProcessHandle::destroyForcibly);
      leftover.destroyForcibly();
    }
    for (ProcessHandle leftover : leftovers.values()) {
      leftover.onExit().completeOnTimeout(null, 10, java.util.concurrent.TimeUnit.SECONDS).join();
    }
  }

  private static void report(String format, Object... args) {
    System.out.printf("[EmbeddedDatabaseLifecycleTest] " + format + "%n", args);
  }

  private static void printLogs() {
    for (Path log : logs) {
      System.err.println("===== " + log.getFileName() + " =====");
      try {
        System.err.println(Files.readString(log, StandardCharsets.UTF_8));
      } catch (IOException e) {
        System.err.println("(could not read: " + e + ")");
      }
    }
  }
}
