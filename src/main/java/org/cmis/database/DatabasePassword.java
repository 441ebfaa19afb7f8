package org.cmis.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;

/**
 * The embedded server's superuser password: generated at the first start (also the first start of a
 * data folder made by an earlier version, which trusted every local connection), kept in {@link
 * #FILE} in the data folder, readable by its owner only, and set with {@code postgres --single}
 * before the server listens, so there is no moment at which a password-less connection is let in.
 * {@code pg_hba.conf} is rewritten at every start: SCRAM for every connection, no {@code trust}.
 */
final class DatabasePassword {

  static final String FILE = "cmis-database-password";

  static final String PG_HBA =
      """
      # Written by CMIS at every start of its embedded PostgreSQL; edits here are overwritten.
      # Every connection needs the password kept in cmis-database-password (owner-only).
      # TYPE  DATABASE  USER  ADDRESS       METHOD
      local   all       all                 scram-sha-256
      host    all       all   127.0.0.1/32  scram-sha-256
      host    all       all   ::1/128       scram-sha-256
      """;

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final long SINGLE_USER_WAIT_SECONDS = 120;

  private final Path file;
  private final String value;
  private final boolean stored;

  private DatabasePassword(Path file, String value, boolean stored) {
    this.file = file;
    this.value = value;
    this.stored = stored;
  }

  /** The folder's password, or a new one (not yet set nor stored) when the folder has none. */
  static DatabasePassword of(Path dataDir, Log log) {
    Path file = dataDir.resolve(FILE);
    try {
      if (Files.isRegularFile(file)) {
        keepOwnerOnly(file, log);
        String value = Files.readString(file, StandardCharsets.US_ASCII).trim();
        if (!value.isEmpty()) {
          return new DatabasePassword(file, value, true);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file, e);
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return new DatabasePassword(
        file, Base64.getUrlEncoder().withoutPadding().encodeToString(random), false);
  }

  String value() {
    return value;
  }

  /**
   * Called with the server stopped, before it starts: writes {@code pg_hba.conf} and, when the
   * folder has no password yet, sets it in single-user mode and stores it.
   */
  void secure(Path dataDir, List<String> postgres, Log log) {
    try {
      Files.writeString(dataDir.resolve("pg_hba.conf"), PG_HBA, StandardCharsets.US_ASCII);
      if (!stored) {
        log.info("Setting the password of the embedded PostgreSQL in " + dataDir);
        setInSingleUserMode(dataDir, postgres);
        store();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not secure the embedded PostgreSQL in " + dataDir, e);
    }
  }

  private void setInSingleUserMode(Path dataDir, List<String> postgres) throws IOException {
    List<String> command = new ArrayList<>(postgres);
    command.add("--single");
    command.addAll(List.of("-D", dataDir.toString()));
    command.addAll(List.of("-c", "password_encryption=scram-sha-256"));
    command.addAll(List.of("-c", "log_min_error_statement=panic"));
    command.add(EmbeddedDatabase.USER);
    Path output = Files.createTempFile("cmis-pg-single", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      try (var stdin = process.getOutputStream()) {
        stdin.write(
            ("ALTER ROLE " + EmbeddedDatabase.USER + " WITH PASSWORD '" + value + "'\n")
                .getBytes(StandardCharsets.US_ASCII));
      }
      boolean ended = process.waitFor(SINGLE_USER_WAIT_SECONDS, TimeUnit.SECONDS);
      String said = Files.readString(output, StandardCharsets.UTF_8).replace(value, "***");
      if (!ended) {
        process.destroyForcibly();
        throw new IOException("postgres --single did not end: " + said);
      }
      if (process.exitValue() != 0 || said.contains("ERROR")) {
        throw new IOException(
            "postgres --single could not set the password (" + process.exitValue() + "): " + said);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while setting the database password", e);
    } finally {
      Files.deleteIfExists(output);
    }
  }

  /** Written beside, owner-only from its creation, then moved in place in one step. */
  private void store() throws IOException {
    Path temp = file.resolveSibling(FILE + ".new");
    Files.deleteIfExists(temp);
    if (posix(file)) {
      Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } else {
      Files.createFile(temp);
    }
    Files.writeString(temp, value + "\n", StandardCharsets.US_ASCII);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void keepOwnerOnly(Path file, Log log) throws IOException {
    if (posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
      log.warn("Making " + file + " readable by its owner only (it was not)");
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
  }

  private static boolean posix(Path file) {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        && file.getFileSystem().equals(FileSystems.getDefault());
  }
}
