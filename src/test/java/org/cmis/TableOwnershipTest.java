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
 * No module's SQL names another module's table (docs/adr/0015-module-graph.md). A table belongs to
 * the module whose migration folder ({@code db/migration/<module>/}) first creates it; no other
 * module may create it again (a {@code create table if not exists} does not take a table over),
 * except along a move listed in {@link #MOVES} (each one stated in ADR 0015). Every SQL string in a
 * module's {@code src/main/java} (string literals and text blocks, with the pieces joined by {@code
 * +} read as one) and every statement of its migrations may name only the module's own tables —
 * after {@code from}, {@code join}, {@code using}, {@code truncate} (every item of a comma list),
 * {@code into}, {@code update}, {@code table}, {@code references} or {@code on}, quoted or not,
 * with or without the {@code public.} schema; a migration may also name what it creates itself (the
 * history of a table that later moved), and a foreign key ({@code references}) may point at a table
 * of a module it may depend on (its {@code allowedDependencies}): the database keeps such
 * references true, no module reads the other's rows through them. Spring's tables, created by the
 * platform migration, and Flyway's history belong to platform. The demo module, which loads the
 * demo data set into every module's tables, is the stated exception.
 */
class TableOwnershipTest {

  private static final Path JAVA = Path.of("src/main/java/org/cmis");
  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
  private static final String PLATFORM = "platform";
  private static final Set<String> EXCEPTIONS = Set.of("demo");

  /**
   * The tables that moved from the module that first created them: table → its owner now. {@code
   * idempotency_record}: training → web (ADR 0015).
   */
  static final Map<String, String> MOVES = Map.of("idempotency_record", "web");

  private static final Pattern CREATE_TABLE =
      Pattern.compile(
          "\\bcreate\\s+(?:(?:global\\s+|local\\s+)?(?:temp|temporary|unlogged)\\s+)?table\\s+"
              + "(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
  private static final Pattern REFERENCES = Pattern.compile("\\breferences\\s+([a-z_][a-z0-9_]*)");
  private static final Pattern TOKEN = Pattern.compile("[a-z_][a-z0-9_$]*|[0-9]+|\\S");

  /** Keywords after which a comma list of tables (each with an alias, perhaps) follows. */
  private static final Set<String> LISTS = Set.of("from", "join", "using", "truncate");

  /** Keywords after which one table name follows. */
  private static final Set<String> SINGLE = Set.of("into", "update", "table", "references", "on");

  /** Words skipped before a table name. */
  private static final Set<String> NOISE =
      Set.of("only", "table", "lateral", "if", "not", "exists");

  /** Words that end a table item: never an alias. */
  private static final Set<String> CLAUSES =
      Set.of(
          "where",
          "join",
          "inner",
          "left",
          "right",
          "full",
          "outer",
          "cross",
          "natural",
          "on",
          "using",
          "order",
          "group",
          "limit",
          "offset",
          "for",
          "set",
          "returning",
          "union",
          "except",
          "intersect",
          "having",
          "window",
          "values",
          "select",
          "as",
          "lateral",
          "only",
          "and",
          "or",
          "when",
          "then",
          "else",
          "end",
          "do",
          "fetch",
          "restart",
          "continue",
          "cascade",
          "restrict",
          "default",
          "tablesample",
          "with");

  private static final Pattern ALLOWED =
      Pattern.compile("allowedDependencies\\s*=\\s*(\\{[^}]*\\}|\"[^\"]*\")");
  private static final Pattern QUOTED = Pattern.compile("\"([a-z]+)[^\"]*\"");
  private static final Pattern VERSION = Pattern.compile("^V([0-9_]+?)__.*\\.sql$");

  @Test
  void everyModulesSqlNamesOnlyItsOwnTables() {
    List<String> violations = new ArrayList<>();
    Map<String, String> owners = owners(migrations(), MOVES, violations);
    assertThat(owners)
        .as("the tables found in the migrations")
        .containsEntry("registration", "training")
        .containsEntry("firm", "membership")
        .containsEntry("event_publication", PLATFORM)
        .containsEntry("idempotency_record", "web");

    for (Migration migration : migrations()) {
      if (EXCEPTIONS.contains(migration.module())) {
        continue;
      }
      Set<String> created = tablesCreatedBy(migration.sql());
      Set<String> mayReference = allowedDependencies(migration.module());
      Matcher reference = REFERENCES.matcher(normal(migration.sql()));
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
  void theCheckSeesCommaListsUsingTruncateSchemasAndQuotedNames() {
    Map<String, String> owners =
        Map.of(
            "firm", "membership",
            "registration", "training",
            "member", "membership",
            "account", "identity");
    Map<String, List<String>> cases = new LinkedHashMap<>();
    cases.put(
        "select 1 from registration r, firm f where f.no = r.firm_no",
        List.of("registration", "firm"));
    cases.put(
        "select 1 from registration as r, member m, firm",
        List.of("registration", "member", "firm"));
    cases.put("select 1 from unnest(:ids) as u(id), firm f", List.of("firm"));
    cases.put(
        "delete from registration r using firm f where f.no = r.firm_no",
        List.of("registration", "firm"));
    cases.put(
        "select 1 from registration join account using (id)", List.of("registration", "account"));
    cases.put("truncate firm", List.of("firm"));
    cases.put("truncate table only member, firm restart identity", List.of("member", "firm"));
    cases.put("select * from public.firm", List.of("firm"));
    cases.put("update public . member set x = 1", List.of("member"));
    cases.put("select * from \"firm\" f", List.of("firm"));
    cases.put("insert into \"public\".\"account\" (id) values (1)", List.of("account"));
    cases.put("select * from FIRM, \"Member\"", List.of("firm", "member"));
    cases.put("alter table if exists firm add column x int", List.of("firm"));
    cases.put("create table if not exists public.firm (id int)", List.of("firm"));
    cases.put("select 1 from registration /* from firm */ -- join member", List.of("registration"));
    cases.put("select 'from firm' from registration", List.of("registration"));
    cases.put("select a, firm from registration where x in (b, member)", List.of("registration"));
    cases.put(
        "select extract(epoch from now()) from registration order by a, firm",
        List.of("registration"));
    cases.forEach(
        (sql, expected) ->
            assertThat(tablesNamedBy(sql, owners)).as(sql).containsExactlyElementsOf(expected));
  }

  @Test
  void aTableBelongsToItsFirstCreatorAndOnlyAListedMoveHandsItOver() {
    List<Migration> migrations =
        List.of(
            new Migration(
                "membership",
                List.of(1, 10),
                "membership/V1_10.sql",
                "create table firm (id int);"),
            new Migration(
                "training", List.of(2, 0), "training/V2_0.sql", "create table idem (id int);"),
            new Migration(
                "web",
                List.of(2, 21),
                "web/V2_11.sql",
                "create table if not exists idem (id int);"),
            new Migration(
                "training",
                List.of(2, 30),
                "training/V2_30.sql",
                "create table if not exists \"public\".\"firm\" (id int);"));
    List<String> violations = new ArrayList<>();
    Map<String, String> owners = owners(migrations, Map.of("idem", "web"), violations);
    assertThat(owners).containsEntry("firm", "membership").containsEntry("idem", "web");
    assertThat(violations).containsExactly("training/V2_30.sql creates firm of membership again");

    List<String> unlisted = new ArrayList<>();
    assertThat(owners(migrations.subList(1, 3), Map.of(), unlisted))
        .containsEntry("idem", "training");
    assertThat(unlisted).containsExactly("web/V2_11.sql creates idem of training again");

    List<String> notMoved = new ArrayList<>();
    owners(migrations.subList(0, 2), Map.of("idem", "web"), notMoved);
    assertThat(notMoved).containsExactly("idem is listed as moved to web, which never creates it");
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

  /**
   * Table name → owning module: the module of the first migration that creates it, or the one a
   * listed move hands it to. Another module's creation of a table, or a move that does not happen,
   * is noted as a violation.
   */
  private static Map<String, String> owners(
      List<Migration> migrations, Map<String, String> moves, List<String> violations) {
    Map<String, String> owners = new LinkedHashMap<>();
    owners.put("flyway_schema_history", PLATFORM);
    Set<String> moved = new TreeSet<>();
    for (Migration migration : migrations) {
      for (String table : tablesCreatedBy(migration.sql())) {
        String first = owners.putIfAbsent(table, migration.module());
        if (first == null) {
          continue;
        }
        if (migration.module().equals(moves.get(table)) && !first.equals(migration.module())) {
          moved.add(table);
        } else {
          violations.add(migration.file() + " creates " + table + " of " + first + " again");
        }
      }
    }
    moves.forEach(
        (table, to) -> {
          if (moved.contains(table)) {
            owners.put(table, to);
          } else {
            violations.add(table + " is listed as moved to " + to + ", which never creates it");
          }
        });
    return owners;
  }

  private static Set<String> tablesCreatedBy(String sql) {
    Set<String> tables = new TreeSet<>();
    Matcher m = CREATE_TABLE.matcher(normal(sql));
    while (m.find()) {
      tables.add(m.group(1));
    }
    return tables;
  }

  /** The known tables the SQL names, in order of first mention. */
  static Set<String> tablesNamedBy(String sql, Map<String, String> owners) {
    Set<String> tables = new java.util.LinkedHashSet<>();
    List<String> tokens = new ArrayList<>();
    Matcher t = TOKEN.matcher(normal(sql));
    while (t.find()) {
      tokens.add(t.group());
    }
    for (int i = 0; i < tokens.size(); i++) {
      String word = tokens.get(i);
      boolean list = LISTS.contains(word);
      if (!list && !SINGLE.contains(word)) {
        continue;
      }
      int j = i + 1;
      while (true) {
        while (j < tokens.size() && NOISE.contains(tokens.get(j))) {
          j++;
        }
        if (j >= tokens.size() || !isWord(tokens.get(j))) {
          break;
        }
        if (owners.containsKey(tokens.get(j))) {
          tables.add(tokens.get(j));
        }
        if (!list) {
          break;
        }
        j = skipParentheses(tokens, j + 1);
        if (j < tokens.size() && tokens.get(j).equals("as")) {
          j++;
        }
        if (j < tokens.size() && isWord(tokens.get(j)) && !CLAUSES.contains(tokens.get(j))) {
          j = skipParentheses(tokens, j + 1);
        }
        if (j < tokens.size() && tokens.get(j).equals(",")) {
          j++;
        } else {
          break;
        }
      }
    }
    return tables;
  }

  private static boolean isWord(String token) {
    return Character.isLetter(token.charAt(0)) || token.charAt(0) == '_';
  }

  /** The index after a balanced parenthesis group at {@code at}, or {@code at} if none is there. */
  private static int skipParentheses(List<String> tokens, int at) {
    if (at >= tokens.size() || !tokens.get(at).equals("(")) {
      return at;
    }
    int depth = 0;
    int j = at;
    do {
      if (tokens.get(j).equals("(")) {
        depth++;
      } else if (tokens.get(j).equals(")")) {
        depth--;
      }
      j++;
    } while (j < tokens.size() && depth > 0);
    return j;
  }

  /**
   * The SQL as compared: lower case, without comments and string literals, quoted names unquoted
   * and the {@code public} schema dropped.
   */
  private static String normal(String sql) {
    return withoutSqlComments(sql)
        .replaceAll("(?s)/\\*.*?\\*/", " ")
        .replaceAll("'[^']*'", "''")
        .replaceAll("\"([a-z_][a-z0-9_$]*)\"", "$1")
        .replaceAll("\\bpublic\\s*\\.\\s*", "");
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
