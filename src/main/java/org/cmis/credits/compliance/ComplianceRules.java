package org.cmis.credits.compliance;

import java.util.EnumMap;
import java.util.Map;
import org.cmis.credits.ComplianceRule;
import org.cmis.membership.MemberCategory;
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

  ComplianceRules(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The rules in force for the year, one per member category. */
  @Transactional(readOnly = true)
  public Map<MemberCategory, ComplianceRule> forYear(int year) {
    Map<MemberCategory, ComplianceRule> rules = new EnumMap<>(MemberCategory.class);
    jdbc.sql(
            "select distinct on (category) year, category, required_hours, required_ethics_hours,"
                + " output_cap, input_minimum, carry_over_cap, cycle_years, cycle_hours"
                + " from compliance_rule where year <= :year order by category, year desc")
        .param("year", year)
        .query(
            (rs, n) ->
                new ComplianceRule(
                    year,
                    MemberCategory.valueOf(rs.getString("category")),
                    rs.getBigDecimal("required_hours"),
                    rs.getBigDecimal("required_ethics_hours"),
                    rs.getBigDecimal("output_cap"),
                    rs.getBigDecimal("input_minimum"),
                    rs.getBigDecimal("carry_over_cap"),
                    (Integer) rs.getObject("cycle_years"),
                    rs.getBigDecimal("cycle_hours")))
        .list()
        .forEach(rule -> rules.put(rule.category(), rule));
    for (MemberCategory category : MemberCategory.values()) {
      rules.computeIfAbsent(category, c -> ComplianceRule.defaults(year, c));
    }
    return rules;
  }
}
