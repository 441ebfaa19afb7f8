package org.cmis.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL needs the password kept (owner-only) in its data folder, for every local
 * connection, and listens on loopback TCP only; a folder from an earlier version that trusted every
 * local connection gets a password at its next start.
 */
class EmbeddedDatabasePasswordTest {

  @TempDir Path work;

  @Test
  void aNewFolderRefusesAPasswordlessConnectionAndAcceptsTheApplications() throws Exception {
    Path dataDir = work.resolve("data");
    String password;
    try (EmbeddedDatabase db = start(dataDir)) {
      Path file = dataDir.resolve(DatabasePassword.FILE);
      assertThat(Files.getPosixFilePermissions(file))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      password = Files.readString(file).trim();
      assertThat(password).hasSizeGreaterThanOrEqualTo(40).isEqualTo(db.password());
      assertRefusedWithout(db.jdbcUrl());
      assertRefusedWithout(db.jdbcUrl().replace("127.0.0.1", "localhost"));
      assertRefused(db.jdbcUrl(), "wrong-" + password);
      try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", password)) {
        assertThat(show(c, "listen_addresses")).isEqualTo("127.0.0.1");
        assertThat(show(c, "unix_socket_directories")).isEmpty();
        assertThat(query(c, "select count(*) from pg_hba_file_rules where auth_method = 'trust'"))
            .isEqualTo("0");
        assertThat(
                query(
                    c,
                    "select rolpassword like 'SCRAM-SHA-256$%' from pg_authid"
                        + " where rolname = 'postgres'"))
            .isEqualTo("t");
      }
    }
    // a restart keeps the password
    try (EmbeddedDatabase db = start(dataDir)) {
      assertThat(db.password()).isEqualTo(password);
      assertRefusedWithout(db.jdbcUrl());
      try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", password)) {
        assertThat(query(c, "select 1")).isEqualTo("1");
      }
    }
  }

  @Test
  void aFolderOfAnEarlierVersionThatTrustedEveryoneGetsAPassword() throws Exception {
    Path dataDir = work.resolve("old");
    // What earlier versions made: the library's defaults, trust for every local connection.
    try (EmbeddedPostgres old =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .start()) {
      try (Connection c = old.getPostgresDatabase().getConnection();
          Statement st = c.createStatement()) {
        st.execute("create table kept (v text)");
        st.execute("insert into kept values ('from before')");
      }
    }
    assertThat(dataDir.resolve(DatabasePassword.FILE)).doesNotExist();

    try (EmbeddedDatabase db = start(dataDir)) {
      assertThat(dataDir.resolve(DatabasePassword.FILE)).exists();
      assertRefusedWithout(db.jdbcUrl());
      try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", db.password())) {
        assertThat(query(c, "select v from kept")).isEqualTo("from before");
      }
    }
  }

  @Test
  void aPasswordFileOthersCouldReadIsMadeOwnerOnly() throws Exception {
    Path dataDir = work.resolve("loose");
    try (EmbeddedDatabase db = start(dataDir)) {
      assertThat(db.password()).isNotEmpty();
    }
    Path file = dataDir.resolve(DatabasePassword.FILE);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    try (EmbeddedDatabase db = start(dataDir)) {
      assertThat(Files.getPosixFilePermissions(file))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", db.password())) {
        assertThat(query(c, "select 1")).isEqualTo("1");
      }
    }
  }

  private static EmbeddedDatabase start(Path dataDir) {
    return EmbeddedDatabase.start(
        dataDir, false, false, LogFactory.getLog(EmbeddedDatabasePasswordTest.class));
  }

  private static void assertRefusedWithout(String url) {
    assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> DriverManager.getConnection(url + "?user=postgres").close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password");
  }

  private static void assertRefused(String url, String password) {
    assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", password).close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password authentication failed");
  }

  private static String show(Connection c, String setting) throws SQLException {
    return query(c, "show " + setting);
  }

  private static String query(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
