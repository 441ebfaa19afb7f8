package org.cmis.credits.statement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cmis.credits.ComplianceRule;
import org.cmis.credits.compliance.ComplianceRules;
import org.cmis.membership.MemberCategory;
import org.cmis.membership.ScopedMember;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year's counted hours and compliance of many members at once, in PostgreSQL: the arithmetic of
 * {@link ComplianceRule} ({@code counted}, {@code carriedOut}, {@code compliant}) written as SQL
 * over {@code hour_year_total} (the ledger's sums, one row per member and year), so that an
 * institute's list counts, filters and pages without building 100,000 statements in Java. The
 * members (number and category, from membership) come in as arrays, in their order; the rules in
 * force come in as parameters, one row per member category, read by {@link ComplianceRules} (which
 * alone knows how a year without a row of its own follows an earlier one). Nothing is stored: a
 * changed rule or entry changes the next answer. ComplianceSqlTest proves that the answers equal
 * {@link StatementService#compute}'s on varied data.
 */
@Component
class CountedHours {

  /** The figures of one member that the lists filter on and the shortfall export writes. */
  record Figures(
      ScopedMember member,
      BigDecimal requiredHours,
      BigDecimal completedHours,
      BigDecimal requiredEthicsHours,
      BigDecimal ethicsHours,
      boolean compliant) {

    BigDecimal shortfall() {
      return requiredHours.subtract(completedHours).max(BigDecimal.ZERO);
    }

    BigDecimal ethicsShortfall() {
      return requiredEthicsHours.subtract(ethicsHours).max(BigDecimal.ZERO);
    }
  }

  /** One page of members (indexes into the scope) and the scope's compliant and short counts. */
  record Page(long compliant, long shortOnes, List<Integer> indexes) {

    long total(@Nullable Boolean wanted) {
      return wanted == null ? compliant + shortOnes : wanted ? compliant : shortOnes;
    }
  }

  /** A firm's count of members in scope and of the compliant ones among them. */
  record FirmCount(String firmNo, int members, int compliant) {}

  private final JdbcClient jdbc;
  private final ComplianceRules rules;

  CountedHours(JdbcClient jdbc, ComplianceRules rules) {
    this.jdbc = jdbc;
    this.rules = rules;
  }

  /**
   * The compliant and short counts of the scope and one page of those matching {@code wanted}
   * (null: all), in the scope's order: the page's indexes into {@code scope}.
   */
  @Transactional(readOnly = true)
  Page page(List<ScopedMember> scope, int year, @Nullable Boolean wanted, long offset, int limit) {
    if (scope.isEmpty()) {
      return new Page(0, 0, List.of());
    }
    long[] counts = new long[2];
    List<Integer> indexes = new ArrayList<>(limit);
    query(scope, year, false, true)
        .append(
            "select null as ord, count(*) filter (where compliant) as yes,"
                + " count(*) filter (where not compliant) as no from s"
                + " union all (select ord, null, null from s"
                + " where cast(:wanted as boolean) is null or compliant = :wanted"
                + " order by ord limit :limit offset :offset)")
        .run(jdbc)
        .param("wanted", wanted, java.sql.Types.BOOLEAN)
        .param("limit", limit)
        .param("offset", offset)
        .query(
            rs -> {
              long ord = rs.getLong("ord");
              if (rs.wasNull()) {
                counts[0] = rs.getLong("yes");
                counts[1] = rs.getLong("no");
              } else {
                indexes.add((int) ord - 1);
              }
            });
    indexes.sort(null);
    return new Page(counts[0], counts[1], indexes);
  }

  /** The figures of every member of the scope matching {@code wanted} (null: all), in its order. */
  @Transactional(readOnly = true)
  List<Figures> figures(List<ScopedMember> scope, int year, @Nullable Boolean wanted) {
    if (scope.isEmpty()) {
      return List.of();
    }
    List<Figures> figures = new ArrayList<>();
    // In tenths of an hour (every figure is a multiple of 0.1): integers are cheap to read.
    query(scope, year, false, false)
        .append(
            "select ord, (required * 10)::int, (completed * 10)::int,"
                + " (required_ethics * 10)::int, (ethics * 10)::int, compliant from s"
                + " where cast(:wanted as boolean) is null or compliant = :wanted order by ord")
        .run(jdbc)
        .param("wanted", wanted, java.sql.Types.BOOLEAN)
        .query(
            rs -> {
              figures.add(
                  new Figures(
                      scope.get(rs.getInt(1) - 1),
                      BigDecimal.valueOf(rs.getInt(2), 1),
                      BigDecimal.valueOf(rs.getInt(3), 1),
                      BigDecimal.valueOf(rs.getInt(4), 1),
                      BigDecimal.valueOf(rs.getInt(5), 1),
                      rs.getBoolean(6)));
            });
    return figures;
  }

  /** Per firm of the scope (members without a firm left out): members and compliant ones. */
  @Transactional(readOnly = true)
  List<FirmCount> byFirm(List<ScopedMember> scope, int year) {
    if (scope.isEmpty()) {
      return List.of();
    }
    return query(scope, year, true, false)
        .append(
            "select firm_no, count(*), count(*) filter (where compliant) from s"
                + " where firm_no is not null group by firm_no")
        .run(jdbc)
        .query((rs, n) -> new FirmCount(rs.getString(1), rs.getInt(2), rs.getInt(3)))
        .list();
  }

  /**
   * The common part: the CTE {@code s} with, per member of the scope, its place ({@code ord}, from
   * 1), firm (when asked), the year's required hours and ethics hours, its completed hours (the
   * year's counted hours plus last year's carried-out ones) and ethics hours, and compliant;
   * materialized when the query reads it {@code twice}.
   */
  private Sql query(List<ScopedMember> scope, int year, boolean withFirms, boolean twice) {
    Map<Integer, Map<MemberCategory, ComplianceRule>> byYear = rules.forYears(year - 1, year);
    Sql sql = new Sql();
    StringBuilder nos = new StringBuilder(scope.size() * 13);
    // A category as its ordinal (one digit): a tenth of the names' bytes to pass and split.
    StringBuilder cats = new StringBuilder(scope.size() * 2);
    StringBuilder firms = new StringBuilder(withFirms ? scope.size() * 9 : 0);
    for (ScopedMember m : scope) {
      if (!nos.isEmpty()) {
        nos.append(',');
        cats.append(',');
        firms.append(withFirms ? "," : "");
      }
      nos.append(m.memberNo());
      cats.append(m.category().ordinal());
      if (withFirms && m.firmNo() != null) {
        firms.append(m.firmNo());
      }
    }
    sql.param("nos", nos.toString()).param("cats", cats.toString());
    sql.param("year", year).param("last", year - 1);
    // The rules in force, one branch per member category: this year's minimums and output cap,
    // last year's carry-over (ComplianceRule.counted, carriedOut, compliant).
    StringBuilder required = new StringBuilder("case m.category");
    StringBuilder ethics = new StringBuilder("case m.category");
    StringBuilder output = new StringBuilder("case m.category");
    StringBuilder carried = new StringBuilder("case m.category");
    int i = 0;
    for (MemberCategory c : MemberCategory.values()) {
      ComplianceRule now = byYear.get(year).get(c);
      ComplianceRule last = byYear.get(year - 1).get(c);
      String when = " when cast(:c" + i + " as text) then ";
      sql.param("c" + i, String.valueOf(c.ordinal()));
      required.append(when).append("cast(:req").append(i).append(" as numeric)");
      sql.param("req" + i, now.requiredHours());
      ethics.append(when).append("cast(:eth").append(i).append(" as numeric)");
      sql.param("eth" + i, now.requiredEthicsHours());
      if (now.outputCap() == null) {
        output.append(when).append("y.output_hours");
      } else {
        output.append(when).append("least(y.output_hours, cast(:cap").append(i);
        output.append(" as numeric))");
        sql.param("cap" + i, now.outputCap());
      }
      if (last.carryOverCap() == null || last.inputMinimum() == null) {
        carried.append(when).append("0");
      } else {
        carried.append(when).append("least(greatest(l.training_hours + l.external_hours");
        carried.append(" - cast(:min").append(i).append(" as numeric), 0), cast(:carry");
        carried.append(i).append(" as numeric))");
        sql.param("min" + i, last.inputMinimum()).param("carry" + i, last.carryOverCap());
      }
      i++;
    }
    sql.append(
        "with m (member_no, category, firm_no, ord) as (select * from unnest("
            + "string_to_array(:nos, ','), string_to_array(:cats, ','), "
            + (withFirms ? "string_to_array(:firms, ',', '')" : "cast(null as text[])")
            + ") with ordinality),"
            // The year's and last year's sums (none for a member without entries: zeros).
            + " f as (select m.ord, m.firm_no, "
            + required
            + " end as required, "
            + ethics
            + " end as required_ethics, coalesce(y.ethics_hours, 0) as ethics,"
            + " greatest(coalesce(y.training_hours + y.external_hours + "
            + output
            + " end, 0), 0) + coalesce("
            + carried
            + " end, 0) as completed"
            + " from m left join hour_year_total y on y.member_no = m.member_no and y.year = :year"
            + " left join hour_year_total l on l.member_no = m.member_no and l.year = :last),"
            + (twice ? " s as materialized" : " s as")
            + " (select f.*, completed >= required and ethics >= required_ethics"
            + " as compliant from f) ");
    if (withFirms) {
      sql.param("firms", firms.toString());
    }
    return sql;
  }

  /** SQL text and its parameters, built in pieces. */
  private static final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final Map<String, @Nullable Object> params = new HashMap<>();

    Sql append(String part) {
      text.append(part);
      return this;
    }

    Sql param(String name, @Nullable Object value) {
      params.put(name, value);
      return this;
    }

    JdbcClient.StatementSpec run(JdbcClient jdbc) {
      // For this transaction only: a plan for the arrays at hand (a cached generic plan would
      // not know a scope of 100,000 from one of 500), and memory for hashing 100,000 rows.
      jdbc.sql(
              "select set_config('plan_cache_mode', 'force_custom_plan', true),"
                  + " set_config('work_mem', '32MB', true)")
          .query()
          .singleRow();
      JdbcClient.StatementSpec spec = jdbc.sql(text.toString());
      params.forEach(
          (k, v) ->
              spec.param(
                  k,
                  v,
                  v instanceof Integer
                      ? java.sql.Types.INTEGER
                      : v == null || v instanceof BigDecimal
                          ? java.sql.Types.NUMERIC
                          : java.sql.Types.VARCHAR));
      return spec;
    }
  }
}
