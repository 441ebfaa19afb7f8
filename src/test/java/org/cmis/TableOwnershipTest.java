package org.cmis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No module's SQL names another module's table (docs/adr/0016-module-graph.md). A table belongs to
 * the module whose migration folder ({@code db/migration/<module>/}) creates it; when a later
 * migration of another module creates it again ({@code create table if not exists}), ownership has
 * moved to that module. Every SQL string in a module's {@code src/main/java} (string literals and
 * text blocks, with the pieces joined by {@code +} read as one) and every statement of its
 * migrations may name only the module's own tables; a migration may also name what it creates
 * itself (the history of a table that later moved), and a foreign key ({@code references}) may
 * point at a table of a module it may depend on (its {@code allowedDependencies}): the database
 * keeps such references true, no module reads the other's rows through them. Spring's tables,
 * created by the platform migration, and Flyway's history belong to platform. The demo module,
 * which loads the demo data set into every module's tables, is the stated exception.
 */
class TableOwnershipTest {

  private static final Path JAVA = Path.of("src/main/java/org/cmis");
  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
  private static final String PLATFORM = "platform";
  private static final Set<String> EXCEPTIONS = Set.of("demo");

  private static final Pattern CREATE_TABLE =
      Pattern.compile("\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
  private static final Pattern NAMED_TABLE =
      Pattern.compile(
          "\\b(?:from|join|into|update|table|references|on)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)");
  private static final Pattern REFERENCES = Pattern.compile("\\breferences\\s+([a-z_][a-z0-9_]*)");
  private static final Pattern ALLOWED =
      Pattern.compile("allowedDependencies\\s*=\\s*(\\{[^}]*\\}|\"[^\"]*\")");
  private static final Pattern QUOTED = Pattern.compile("\"([a-z]+)[^\"]*\"");
  private static final Pattern VERSION = Pattern.compile("^V([0-9_]+?)__.*\\.sql$");

  @Test
  void everyModulesSqlNamesOnlyItsOwnTables() {
    Map<String, String> owners = owners();
    assertThat(owners)
        .as("the tables found in the migrations")
        .containsEntry("registration", "training")
        .containsEntry("firm", "membership")
        .containsEntry("event_publication", PLATFORM)
        .containsEntry("idempotency_record", "web");

    List<String> violations = new ArrayList<>();
    for (Migration migration : migrations()) {
      if (EXCEPTIONS.contains(migration.module())) {
        continue;
      }
      Set<String> created = tablesCreatedBy(migration.sql());
      Set<String> mayReference = allowedDependencies(migration.module());
      Matcher reference = REFERENCES.matcher(withoutSqlComments(migration.sql()));
      StringBuilder rest = new StringBuilder();
      while (reference.find()) {
        String owner = owners.getOrDefault(reference.group(1), "");
        reference.appendReplacement(rest, mayReference.contains(owner) ? "references" : "$0");
      }
      reference.appendTail(rest);
      for (String table : tablesNamedBy(rest.toString(), owners)) {
        String owner = owners.get(table);
        if (!owner.equals(migration.module()) && !created.contains(table)) {
          violations.add(migration.file() + " names " + table + " of " + owner);
        }
      }
    }
    for (Path source : javaSources()) {
      String module = JAVA.relativize(source).getName(0).toString();
      if (EXCEPTIONS.contains(module) || source.getParent().equals(JAVA)) {
        continue;
      }
      for (String sql : sqlStrings(read(source))) {
        for (String table : tablesNamedBy(sql, owners)) {
          String owner = owners.get(table);
          if (!owner.equals(module)) {
            violations.add(
                JAVA.relativize(source) + " (" + module + ") names " + table + " of " + owner);
          }
        }
      }
    }
    assertThat(new TreeSet<>(violations)).isEmpty();
  }

  @Test
  void theCheckSeesTablesInConcatenatedLiteralsAndTextBlocks() {
    String java =
        "class X { String a = \"select f.name\" + \" from \" + \"firm f\"; String b = \"\"\"\n"
            + "    update registration\n    set x = 1\n    \"\"\"; char c = '\"';"
            + " String d = \"a \\\"quoted\\\" join member\"; // from account\n }";
    List<String> strings = sqlStrings(java);
    Map<String, String> owners =
        Map.of("firm", "membership", "registration", "training", "member", "m", "account", "i");

    assertThat(strings).hasSize(3);
    assertThat(strings.stream().flatMap(s -> tablesNamedBy(s, owners).stream()))
        .containsExactly("firm", "registration", "member");
  }

  @Test
  void foreignKeysMayPointOnlyAlongTheModuleGraph() {
    assertThat(allowedDependencies("training")).contains("membership", "shared");
    assertThat(allowedDependencies("membership")).doesNotContain("training");
    assertThat(allowedDependencies(PLATFORM)).isEmpty();
  }

  /** The modules a module's package-info allows it to depend on (for a migration folder). */
  private static Set<String> allowedDependencies(String module) {
    Path info = JAVA.resolve(module).resolve("package-info.java");
    Set<String> allowed = new TreeSet<>();
    if (Files.exists(info)) {
      Matcher declared = ALLOWED.matcher(read(info));
      if (declared.find()) {
        Matcher name = QUOTED.matcher(declared.group(1));
        while (name.find()) {
          allowed.add(name.group(1));
        }
      }
    }
    return allowed;
  }

  /** Table name → owning module: the module of the latest migration that creates it. */
  private static Map<String, String> owners() {
    Map<String, String> owners = new LinkedHashMap<>();
    owners.put("flyway_schema_history", PLATFORM);
    for (Migration migration : migrations()) {
      for (String table : tablesCreatedBy(migration.sql())) {
        owners.put(table, migration.module());
      }
    }
    return owners;
  }

  private static Set<String> tablesCreatedBy(String sql) {
    Set<String> tables = new TreeSet<>();
    Matcher m = CREATE_TABLE.matcher(withoutSqlComments(sql));
    while (m.find()) {
      tables.add(m.group(1));
    }
    return tables;
  }

  private static Set<String> tablesNamedBy(String sql, Map<String, String> owners) {
    Set<String> tables = new java.util.LinkedHashSet<>();
    Matcher m = NAMED_TABLE.matcher(withoutSqlComments(sql).toLowerCase(Locale.ROOT));
    while (m.find()) {
      if (owners.containsKey(m.group(1))) {
        tables.add(m.group(1));
      }
    }
    return tables;
  }

  private static String withoutSqlComments(String sql) {
    return sql.toLowerCase(Locale.ROOT).replaceAll("--[^\\n]*", " ");
  }

  private record Migration(String module, List<Integer> version, String file, String sql) {}

  /** Every migration of every module, in Flyway's order. */
  private static List<Migration> migrations() {
    try (Stream<Path> files = Files.walk(MIGRATIONS)) {
      return files
          .filter(p -> p.toString().endsWith(".sql"))
          .map(
              p -> {
                Matcher v = VERSION.matcher(p.getFileName().toString());
                assertThat(v.matches()).as(p + " is a versioned migration").isTrue();
                List<Integer> version =
                    Stream.of(v.group(1).split("_")).map(Integer::valueOf).toList();
                return new Migration(
                    MIGRATIONS.relativize(p).getName(0).toString(),
                    version,
                    MIGRATIONS.relativize(p).toString(),
                    read(p));
              })
          .sorted(Comparator.comparing(Migration::version, TableOwnershipTest::compareVersions))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int compareVersions(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      int c = Integer.compare(i < a.size() ? a.get(i) : 0, i < b.size() ? b.get(i) : 0);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static List<Path> javaSources() {
    try (Stream<Path> files = Files.walk(JAVA)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The string literals and text blocks of a Java source, comments skipped; literals joined only by
   * {@code +} and white space come back as one string.
   */
  static List<String> sqlStrings(String java) {
    List<String> strings = new ArrayList<>();
    StringBuilder current = null;
    int i = 0;
    int n = java.length();
    while (i < n) {
      char c = java.charAt(i);
      if (java.startsWith("//", i)) {
        i = indexOrEnd(java, "\n", i);
      } else if (java.startsWith("/*", i)) {
        i = indexOrEnd(java, "*/", i + 2) + 2;
      } else if (java.startsWith("\"\"\"", i)) {
        int end = java.indexOf("\"\"\"", i + 3);
        current = append(current, java.substring(i + 3, end));
        i = end + 3;
      } else if (c == '"' || c == '\'') {
        StringBuilder literal = new StringBuilder();
        i++;
        while (java.charAt(i) != c) {
          if (java.charAt(i) == '\\') {
            i++;
          }
          literal.append(java.charAt(i));
          i++;
        }
        i++;
        if (c == '"') {
          current = append(current, literal.toString());
        }
      } else if (Character.isWhitespace(c) || c == '+') {
        i++;
      } else {
        if (current != null) {
          strings.add(current.toString());
          current = null;
        }
        i++;
      }
    }
    if (current != null) {
      strings.add(current.toString());
    }
    return strings;
  }

  private static StringBuilder append(StringBuilder current, String piece) {
    return current == null ? new StringBuilder(piece) : current.append(piece);
  }

  private static int indexOrEnd(String text, String what, int from) {
    int at = text.indexOf(what, from);
    return at < 0 ? text.length() : at;
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
