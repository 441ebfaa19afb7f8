package org.cmis.credits.statement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cmis.credits.ComplianceRule;
import org.cmis.credits.ComplianceRule.Totals;
import org.cmis.credits.HourCategory;
import org.cmis.credits.HourEntry;
import org.cmis.credits.HourSource;
import org.cmis.credits.HourStatements;
import org.cmis.credits.Statement;
import org.cmis.credits.compliance.ComplianceRules;
import org.cmis.membership.MemberCategory;
import org.cmis.membership.MemberProfile;
import org.cmis.membership.MemberSummary;
import org.cmis.membership.ScopedMember;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes statements from {@code hour_year_total} (the ledger's sums per member and year, kept by
 * its insert trigger) and the rules in force: the year itself, the year before (carry-over) and the
 * years of a cycle. One query for any number of members.
 */
@Service
class StatementService implements HourStatements {

  /** How many years back a statement may look: the carry-over's one, or a cycle's up to 4. */
  private static final int LOOK_BACK = 4;

  private final JdbcClient jdbc;
  private final ComplianceRules rules;

  StatementService(JdbcClient jdbc, ComplianceRules rules) {
    this.jdbc = jdbc;
    this.rules = rules;
  }

  @Override
  @Transactional(readOnly = true)
  public Statement statement(MemberProfile member, int year) {
    Map<Integer, Map<MemberCategory, ComplianceRule>> byYear = rulesByYear(year);
    Map<Integer, Totals> totals = new HashMap<>(4);
    List<HourEntry> entries = new ArrayList<>();
    // The totals of the year and the years its rules look back to, and the year's entries, in
    // one query (entries first, by date and id).
    jdbc.sql(
            "select 'E' as kind, year, null as training, null as output, null as external,"
                + " null as ethics, id, entry_date, hours, ethics_hours, category, source,"
                + " source_id, note, reverses from hour_entry"
                + " where member_no = :no and year = :year"
                + " union all select 'T', year, training_hours, output_hours, external_hours,"
                + " ethics_hours, null, null, null, null, null, null, null, null, null"
                + " from hour_year_total where member_no = :no and year between :from and :year"
                + " order by 1, 8, 7")
        .param("no", member.memberNo())
        .param("year", year)
        .param("from", year - lookBack(byYear, year))
        .query(
            rs -> {
              if (rs.getString("kind").equals("E")) {
                entries.add(entry(rs));
              } else {
                totals.put(rs.getInt("year"), totals(rs));
              }
            });
    return compute(
        member.memberNo(),
        member.name(),
        member.firmNo(),
        member.category(),
        year,
        totals,
        byYear,
        entries);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Statement> statements(List<MemberSummary> members, int year) {
    return statementsOf(
        members.stream()
            .map(m -> new ScopedMember(m.memberNo(), m.name(), m.category(), m.firmNo()))
            .toList(),
        year);
  }

  /** {@link #statements} of members as the hours lists read them, in the order given. */
  @Transactional(readOnly = true)
  List<Statement> statementsOf(List<ScopedMember> members, int year) {
    if (members.isEmpty()) {
      return List.of();
    }
    Map<Integer, Map<MemberCategory, ComplianceRule>> byYear = rulesByYear(year);
    Map<String, Map<Integer, Totals>> totals =
        totals(members.stream().map(ScopedMember::memberNo).toList(), year, lookBack(byYear, year));
    List<Statement> statements = new ArrayList<>(members.size());
    for (ScopedMember m : members) {
      statements.add(
          compute(
              m.memberNo(),
              m.name(),
              m.firmNo(),
              m.category(),
              year,
              totals.getOrDefault(m.memberNo(), Map.of()),
              byYear,
              null));
    }
    return statements;
  }

  /** The statement of one member from its totals of the year and the years before. */
  static Statement compute(
      String memberNo,
      String name,
      @Nullable String firmNo,
      MemberCategory category,
      int year,
      Map<Integer, Totals> totals,
      Map<Integer, Map<MemberCategory, ComplianceRule>> rulesByYear,
      @Nullable List<HourEntry> entries) {
    ComplianceRule rule = rulesByYear.get(year).get(category);
    Totals now = totals.getOrDefault(year, Totals.NONE);
    ComplianceRule lastYearsRule = rulesByYear.get(year - 1).get(category);
    BigDecimal carried = lastYearsRule.carriedOut(totals.getOrDefault(year - 1, Totals.NONE));
    BigDecimal completed = rule.counted(now).add(carried);
    Statement.Cycle cycle = null;
    if (rule.cycleYears() != null && rule.cycleHours() != null) {
      int first = year - rule.cycleYears() + 1;
      BigDecimal sum = BigDecimal.ZERO;
      for (int y = first; y <= year; y++) {
        sum =
            sum.add(rulesByYear.get(y).get(category).counted(totals.getOrDefault(y, Totals.NONE)));
      }
      cycle = new Statement.Cycle(first, year, rule.cycleHours(), sum);
    }
    Map<HourCategory, BigDecimal> byCategory = new EnumMap<>(HourCategory.class);
    for (HourCategory c : HourCategory.values()) {
      byCategory.put(c, now.of(c).setScale(1));
    }
    return new Statement(
        memberNo,
        name,
        firmNo,
        category,
        year,
        rule.requiredHours(),
        completed.setScale(1),
        rule.requiredEthicsHours(),
        now.ethicsHours().setScale(1),
        byCategory,
        carried.setScale(1),
        rule.compliant(completed, now.ethicsHours()),
        cycle,
        entries);
  }

  private Map<Integer, Map<MemberCategory, ComplianceRule>> rulesByYear(int year) {
    return rules.forYears(year - LOOK_BACK, year);
  }

  /**
   * How many years before {@code year} the year's statements need: one when last year's rule of
   * some category carries hours over, a cycle's years but one, else none; so that a list reads no
   * more of {@code hour_year_total} than its rules use.
   */
  static int lookBack(Map<Integer, Map<MemberCategory, ComplianceRule>> byYear, int year) {
    int back = 0;
    for (MemberCategory c : MemberCategory.values()) {
      ComplianceRule last = byYear.get(year - 1).get(c);
      if (last.carryOverCap() != null && last.inputMinimum() != null) {
        back = Math.max(back, 1);
      }
      ComplianceRule now = byYear.get(year).get(c);
      if (now.cycleYears() != null && now.cycleHours() != null) {
        back = Math.max(back, now.cycleYears() - 1);
      }
    }
    return Math.min(back, LOOK_BACK);
  }

  /** Member → year → totals, for the year and the {@code back} years before it. */
  private Map<String, Map<Integer, Totals>> totals(List<String> memberNos, int year, int back) {
    Map<String, Map<Integer, Totals>> totals = new HashMap<>(memberNos.size() * 2);
    // One row per member and year, its categories side by side (hour_year_total).
    jdbc.sql(
            "select member_no, year, training_hours as training, output_hours as output,"
                + " external_hours as external, ethics_hours as ethics from hour_year_total"
                + " where member_no = any(string_to_array(:nos, ','))"
                + " and year between :from and :to")
        .param("nos", String.join(",", memberNos))
        .param("from", year - back)
        .param("to", year)
        .query(
            rs -> {
              totals
                  .computeIfAbsent(rs.getString("member_no"), k -> new HashMap<>(4))
                  .put(rs.getInt("year"), totals(rs));
            });
    return totals;
  }

  /** The totals of the row's columns training, output, external and ethics. */
  private static Totals totals(java.sql.ResultSet rs) throws java.sql.SQLException {
    Map<HourCategory, BigDecimal> byCategory = new EnumMap<>(HourCategory.class);
    byCategory.put(HourCategory.TRAINING, rs.getBigDecimal("training"));
    byCategory.put(HourCategory.OUTPUT, rs.getBigDecimal("output"));
    byCategory.put(HourCategory.EXTERNAL, rs.getBigDecimal("external"));
    return new Totals(byCategory, rs.getBigDecimal("ethics"));
  }

  private static HourEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new HourEntry(
        rs.getLong("id"),
        rs.getObject("entry_date", java.time.LocalDate.class),
        rs.getBigDecimal("hours"),
        rs.getBigDecimal("ethics_hours"),
        HourCategory.valueOf(rs.getString("category")),
        HourSource.valueOf(rs.getString("source")),
        (Long) rs.getObject("source_id"),
        rs.getString("note"),
        (Long) rs.getObject("reverses"));
  }
}
