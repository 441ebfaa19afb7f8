package org.cmis.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The library's own PostgreSQL binaries, passed through unchanged while noting where the library
 * unpacks them ({@code <working dir>/PG-<md5 of the archive>}), so that {@code postgres --single}
 * can set the password before the server first listens (see {@link DatabasePassword}).
 */
final class EmbeddedBinaries implements PgBinaryResolver {

  static final EmbeddedBinaries INSTANCE = new EmbeddedBinaries();

  private volatile @Nullable String digest;

  private EmbeddedBinaries() {}

  @Override
  public @Nullable InputStream getPgBinary(String system, String machineHardware)
      throws IOException {
    InputStream archive =
        DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
    if (archive == null) {
      return null;
    }
    byte[] bytes;
    try (archive) {
      bytes = archive.readAllBytes();
    }
    try {
      digest = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IOException("MD5 is missing from this JVM", e);
    }
    return new ByteArrayInputStream(bytes);
  }

  /** The {@code postgres} executable, once the library has unpacked the binaries. */
  Path postgres() {
    String unpacked = digest;
    if (unpacked == null) {
      throw new IllegalStateException("The embedded PostgreSQL binaries are not unpacked yet");
    }
    Path workingDir =
        Path.of(
            System.getProperty(
                "ot.epg.working-dir",
                Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
    Path postgres = workingDir.resolve("PG-" + unpacked).resolve("bin").resolve("postgres");
    if (!Files.isExecutable(postgres)) {
      throw new IllegalStateException("The embedded PostgreSQL binary is not at " + postgres);
    }
    return postgres;
  }
}
