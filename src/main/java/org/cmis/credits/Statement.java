package org.cmis.credits;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.cmis.membership.MemberCategory;
import org.jspecify.annotations.Nullable;

/**
 * A member's hours for one training year (API.md, Hours), computed from its ledger and the year's
 * rule every time it is read, never stored: a changed rule changes every statement at once. {@code
 * byCategory} holds the raw sums of the entries; {@code completedHours} what counts after the rule
 * (output-based hours over the cap do not count; the hours carried over from last year, {@code
 * carriedOverHours}, do); {@code compliant} exactly when completedHours ≥ requiredHours and
 * ethicsHours ≥ requiredEthicsHours. {@code cycle} is there when the rule has a multi-year cycle;
 * {@code entries} only on a single member's statement, not in lists.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Statement(
    String memberNo,
    String name,
    @Nullable String firmNo,
    MemberCategory memberCategory,
    int year,
    BigDecimal requiredHours,
    BigDecimal completedHours,
    BigDecimal requiredEthicsHours,
    BigDecimal ethicsHours,
    Map<HourCategory, BigDecimal> byCategory,
    BigDecimal carriedOverHours,
    boolean compliant,
    @Nullable Cycle cycle,
    @Nullable List<HourEntry> entries) {

  /**
   * The multi-year cycle ending with this year: the hours counted in each of its years (without
   * carry-over, so that no hour counts twice) against the cycle's minimum.
   */
  public record Cycle(
      int firstYear, int lastYear, BigDecimal requiredHours, BigDecimal completedHours) {

    public boolean compliant() {
      return completedHours.compareTo(requiredHours) >= 0;
    }
  }

  /** How many hours are still missing (0 when the year's minimum is reached). */
  public BigDecimal shortfall() {
    return requiredHours.subtract(completedHours).max(BigDecimal.ZERO);
  }

  /** How many ethics hours are still missing. */
  public BigDecimal ethicsShortfall() {
    return requiredEthicsHours.subtract(ethicsHours).max(BigDecimal.ZERO);
  }

  /** The same statement without its entries (as lists answer it). */
  public Statement withoutEntries() {
    return new Statement(
        memberNo,
        name,
        firmNo,
        memberCategory,
        year,
        requiredHours,
        completedHours,
        requiredEthicsHours,
        ethicsHours,
        byCategory,
        carriedOverHours,
        compliant,
        cycle,
        null);
  }
}
