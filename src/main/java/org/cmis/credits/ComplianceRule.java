package org.cmis.credits;

import java.math.BigDecimal;
import java.util.Map;
import org.cmis.membership.MemberCategory;
import org.jspecify.annotations.Nullable;

/**
 * What a member of one category must complete in one training year (F5.6), configurable by admin:
 * the yearly minimum and its ethics part; optionally a cap on output-based hours, an input-based
 * minimum above which input hours carry into the next year (at most {@code carryOverCap}), and a
 * multi-year cycle minimum. The arithmetic of a statement lives here, so that every rule is one
 * unit-tested method.
 */
public record ComplianceRule(
    int year,
    MemberCategory category,
    BigDecimal requiredHours,
    BigDecimal requiredEthicsHours,
    @Nullable BigDecimal outputCap,
    @Nullable BigDecimal inputMinimum,
    @Nullable BigDecimal carryOverCap,
    @Nullable Integer cycleYears,
    @Nullable BigDecimal cycleHours) {

  private static final BigDecimal FORTY = new BigDecimal("40.0");
  private static final BigDecimal FOUR = new BigDecimal("4.0");

  /**
   * The rule of a year nobody configured: 40 hours a year, 4 of them ethics (DOMAIN-NOTES 1.1); a
   * non-practising member's output-based hours count up to 16 and its input-based hours above 24
   * carry into the next year, at most 24 (DOMAIN-NOTES 1.3).
   */
  public static ComplianceRule defaults(int year, MemberCategory category) {
    if (category == MemberCategory.NON_PRACTISING) {
      return new ComplianceRule(
          year,
          category,
          FORTY,
          FOUR,
          new BigDecimal("16.0"),
          new BigDecimal("24.0"),
          new BigDecimal("24.0"),
          null,
          null);
    }
    return new ComplianceRule(year, category, FORTY, FOUR, null, null, null, null, null);
  }

  /** This rule for another year (a year without a rule of its own follows an earlier one). */
  public ComplianceRule forYear(int otherYear) {
    return new ComplianceRule(
        otherYear,
        category,
        requiredHours,
        requiredEthicsHours,
        outputCap,
        inputMinimum,
        carryOverCap,
        cycleYears,
        cycleHours);
  }

  /** The hours of a year that count: input-based ones, and output-based ones up to the cap. */
  public BigDecimal counted(Totals totals) {
    BigDecimal output = totals.output();
    if (outputCap != null) {
      output = output.min(outputCap);
    }
    return totals.input().add(output).max(BigDecimal.ZERO);
  }

  /** The hours this year's input-based hours carry into the next year (0 without carry-over). */
  public BigDecimal carriedOut(Totals totals) {
    if (carryOverCap == null || inputMinimum == null) {
      return BigDecimal.ZERO;
    }
    return totals.input().subtract(inputMinimum).max(BigDecimal.ZERO).min(carryOverCap);
  }

  /** Whether the year is complete: counted hours (with carry-over) and ethics hours. */
  public boolean compliant(BigDecimal completedHours, BigDecimal ethicsHours) {
    return completedHours.compareTo(requiredHours) >= 0
        && ethicsHours.compareTo(requiredEthicsHours) >= 0;
  }

  /** The sums of one member's entries in one year: hours per category and ethics hours. */
  public record Totals(Map<HourCategory, BigDecimal> byCategory, BigDecimal ethicsHours) {

    public static final Totals NONE = new Totals(Map.of(), BigDecimal.ZERO);

    public BigDecimal of(HourCategory category) {
      return byCategory.getOrDefault(category, BigDecimal.ZERO);
    }

    /** Input-based (投入式) hours: classes and recognised external hours. */
    public BigDecimal input() {
      return of(HourCategory.TRAINING).add(of(HourCategory.EXTERNAL));
    }

    /** Output-based (产出法) hours. */
    public BigDecimal output() {
      return of(HourCategory.OUTPUT);
    }
  }
}
