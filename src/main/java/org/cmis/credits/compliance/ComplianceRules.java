package org.cmis.credits.compliance;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.cmis.credits.ComplianceRule;
import org.cmis.membership.MemberCategory;
import org.cmis.shared.AuditEvent;
import org.cmis.shared.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rule in force for a year and member category: the year's own row, else the latest earlier
 * year's, else {@link ComplianceRule#defaults}. Read from PostgreSQL every time (a handful of
 * rows), so a changed rule changes every statement at once, on every instance.
 */
@Component
public class ComplianceRules {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  ComplianceRules(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /**
   * Sets the rule of the year and category (admin; the caller checks the role): validated, written
   * as the year's own row (later years without a row of their own follow it), audited. Answers the
   * rule now in force.
   */
  @Transactional
  public ComplianceRule save(
      CurrentUser admin, int year, MemberCategory category, RuleInput input, String address) {
    ComplianceRule rule = input.validate(year, category);
    ComplianceRule before = forYear(year).get(category);
    jdbc.sql(
            "insert into compliance_rule (year, category, required_hours, required_ethics_hours,"
                + " output_cap, input_minimum, carry_over_cap, cycle_years, cycle_hours,"
                + " updated_by, updated_at) values (:year, :category, :required, :ethics, :outputCap,"
                + " :inputMinimum, :carryOverCap, :cycleYears, :cycleHours, :by, now())"
                + " on conflict (year, category) do update set"
                + " required_hours = excluded.required_hours,"
                + " required_ethics_hours = excluded.required_ethics_hours,"
                + " output_cap = excluded.output_cap, input_minimum = excluded.input_minimum,"
                + " carry_over_cap = excluded.carry_over_cap, cycle_years = excluded.cycle_years,"
                + " cycle_hours = excluded.cycle_hours, updated_by = excluded.updated_by,"
                + " updated_at = excluded.updated_at")
        .param("year", year)
        .param("category", category.name())
        .param("required", rule.requiredHours())
        .param("ethics", rule.requiredEthicsHours())
        .param("outputCap", rule.outputCap(), java.sql.Types.NUMERIC)
        .param("inputMinimum", rule.inputMinimum(), java.sql.Types.NUMERIC)
        .param("carryOverCap", rule.carryOverCap(), java.sql.Types.NUMERIC)
        .param("cycleYears", rule.cycleYears(), java.sql.Types.INTEGER)
        .param("cycleHours", rule.cycleHours(), java.sql.Types.NUMERIC)
        .param("by", admin.account())
        .update();
    events.publishEvent(
        new AuditEvent(
            admin.account(),
            "COMPLIANCE_RULE_SET",
            "ComplianceRule",
            year + ":" + category.name(),
            address,
            before,
            rule));
    return forYear(year).get(category);
  }

  /** The rules in force for the year, one per member category. */
  @Transactional(readOnly = true)
  public Map<MemberCategory, ComplianceRule> forYear(int year) {
    return forYears(year, year).get(year);
  }

  /**
   * The rules in force for each year from {@code from} to {@code to}, one per member category, in
   * one query: each year follows its own row, else the latest earlier one, else the defaults.
   */
  @Transactional(readOnly = true)
  public Map<Integer, Map<MemberCategory, ComplianceRule>> forYears(int from, int to) {
    List<ComplianceRule> rows = rows(to);
    Map<Integer, Map<MemberCategory, ComplianceRule>> byYear = new java.util.HashMap<>();
    for (int year = from; year <= to; year++) {
      Map<MemberCategory, ComplianceRule> rules = new EnumMap<>(MemberCategory.class);
      for (ComplianceRule row : rows) { // newest first: the first row of a category wins
        if (row.year() <= year) {
          rules.putIfAbsent(row.category(), row.forYear(year));
        }
      }
      for (MemberCategory category : MemberCategory.values()) {
        int y = year;
        rules.computeIfAbsent(category, c -> ComplianceRule.defaults(y, c));
      }
      byYear.put(year, rules);
    }
    return byYear;
  }

  /** Every configured row up to the year, newest year first. */
  private List<ComplianceRule> rows(int upTo) {
    return jdbc.sql(
            "select year, category, required_hours, required_ethics_hours, output_cap,"
                + " input_minimum, carry_over_cap, cycle_years, cycle_hours"
                + " from compliance_rule where year <= :year order by year desc, category")
        .param("year", upTo)
        .query(
            (rs, n) ->
                new ComplianceRule(
                    rs.getInt("year"),
                    MemberCategory.valueOf(rs.getString("category")),
                    rs.getBigDecimal("required_hours"),
                    rs.getBigDecimal("required_ethics_hours"),
                    rs.getBigDecimal("output_cap"),
                    rs.getBigDecimal("input_minimum"),
                    rs.getBigDecimal("carry_over_cap"),
                    (Integer) rs.getObject("cycle_years"),
                    rs.getBigDecimal("cycle_hours")))
        .list();
  }

  /**
   * Per category, the year of the row the rule in force comes from (absent: the built-in defaults),
   * so that the settings page can say "沿用 2025 年度规则".
   */
  @Transactional(readOnly = true)
  public Map<String, Integer> ownYears(int year) {
    Map<String, Integer> years = new java.util.HashMap<>();
    jdbc.sql(
            "select category, max(year) as y from compliance_rule where year <= :year"
                + " group by category")
        .param("year", year)
        .query((rs, n) -> years.put(rs.getString("category"), rs.getInt("y")))
        .list();
    return years;
  }
}
