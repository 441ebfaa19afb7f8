package org.cmis.credits.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.cmis.credits.ComplianceRule;
import org.cmis.credits.ComplianceRule.Totals;
import org.cmis.credits.HourCategory;
import org.cmis.credits.Statement;
import org.cmis.credits.compliance.RuleInput;
import org.cmis.membership.MemberCategory;
import org.cmis.shared.CmisException;
import org.cmis.shared.FieldError;
import org.junit.jupiter.api.Test;

/**
 * Every compliance rule (F5.6) on plain numbers: the yearly minimum, ethics, the output-based cap,
 * carry-over for non-practising members, the cycle minimum, categories, defaults, a rule of an
 * earlier year, and the validation of a rule's fields.
 */
class ComplianceArithmeticTest {

  private static final int YEAR = 2026;

  private static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  private static Totals totals(double training, double output, double external, double ethics) {
    Map<HourCategory, BigDecimal> by = new EnumMap<>(HourCategory.class);
    by.put(HourCategory.TRAINING, BigDecimal.valueOf(training).setScale(1));
    by.put(HourCategory.OUTPUT, BigDecimal.valueOf(output).setScale(1));
    by.put(HourCategory.EXTERNAL, BigDecimal.valueOf(external).setScale(1));
    return new Totals(by, BigDecimal.valueOf(ethics).setScale(1));
  }

  /** The rules of YEAR-4..YEAR: the defaults unless one is given for a category. */
  private static Map<Integer, Map<MemberCategory, ComplianceRule>> rules(ComplianceRule... own) {
    Map<Integer, Map<MemberCategory, ComplianceRule>> byYear = new HashMap<>();
    for (int y = YEAR - 4; y <= YEAR; y++) {
      Map<MemberCategory, ComplianceRule> m = new EnumMap<>(MemberCategory.class);
      for (MemberCategory c : MemberCategory.values()) {
        m.put(c, ComplianceRule.defaults(y, c));
      }
      for (ComplianceRule r : own) {
        if (r.year() <= y) {
          m.put(r.category(), r.forYear(y));
        }
      }
      byYear.put(y, m);
    }
    return byYear;
  }

  private static Statement compute(
      MemberCategory category,
      Map<Integer, Totals> totals,
      Map<Integer, Map<MemberCategory, ComplianceRule>> rules) {
    return StatementService.compute(
        "440300010001", "张三", "44030001", category, YEAR, totals, rules, null);
  }

  @Test
  void theDefaultsAreFortyHoursWithFourOfEthicsAndCapsForNonPractisingMembers() {
    ComplianceRule cpa = ComplianceRule.defaults(YEAR, MemberCategory.PRACTISING_CPA);
    assertThat(cpa.requiredHours()).isEqualByComparingTo("40");
    assertThat(cpa.requiredEthicsHours()).isEqualByComparingTo("4");
    assertThat(cpa.outputCap()).isNull();
    assertThat(cpa.carryOverCap()).isNull();
    assertThat(cpa.cycleYears()).isNull();
    ComplianceRule np = ComplianceRule.defaults(YEAR, MemberCategory.NON_PRACTISING);
    assertThat(np.outputCap()).isEqualByComparingTo("16");
    assertThat(np.inputMinimum()).isEqualByComparingTo("24");
    assertThat(np.carryOverCap()).isEqualByComparingTo("24");
    assertThat(ComplianceRule.defaults(YEAR, MemberCategory.PRACTITIONER).requiredHours())
        .isEqualByComparingTo("40");
  }

  @Test
  void aYearIsCompliantExactlyWhenHoursAndEthicsReachTheirMinimums() {
    Statement exact =
        compute(MemberCategory.PRACTISING_CPA, Map.of(YEAR, totals(36, 0, 4, 4)), rules());
    assertThat(exact.completedHours()).isEqualByComparingTo("40");
    assertThat(exact.compliant()).isTrue();
    Statement halfShort =
        compute(MemberCategory.PRACTISING_CPA, Map.of(YEAR, totals(39.5, 0, 0, 4)), rules());
    assertThat(halfShort.compliant()).isFalse();
    assertThat(halfShort.shortfall()).isEqualByComparingTo("0.5");
    Statement noEthics =
        compute(MemberCategory.PRACTISING_CPA, Map.of(YEAR, totals(60, 0, 0, 3.5)), rules());
    assertThat(noEthics.completedHours()).isEqualByComparingTo("60");
    assertThat(noEthics.compliant()).isFalse();
    assertThat(noEthics.ethicsShortfall()).isEqualByComparingTo("0.5");
    Statement none = compute(MemberCategory.PRACTISING_CPA, Map.of(), rules());
    assertThat(none.completedHours()).isEqualByComparingTo("0");
    assertThat(none.byCategory()).containsOnlyKeys(HourCategory.values());
    assertThat(none.compliant()).isFalse();
  }

  @Test
  void outputHoursOverTheCapDoNotCountButStayInTheRawSums() {
    Statement np =
        compute(MemberCategory.NON_PRACTISING, Map.of(YEAR, totals(24, 20, 0, 4)), rules());
    assertThat(np.byCategory().get(HourCategory.OUTPUT)).isEqualByComparingTo("20");
    assertThat(np.completedHours()).isEqualByComparingTo("40");
    assertThat(np.compliant()).isTrue();
    Statement under =
        compute(MemberCategory.NON_PRACTISING, Map.of(YEAR, totals(20, 20, 0, 4)), rules());
    assertThat(under.completedHours()).isEqualByComparingTo("36");
    assertThat(under.compliant()).isFalse();
    // A practising CPA has no cap by default: all output hours count.
    Statement cpa =
        compute(MemberCategory.PRACTISING_CPA, Map.of(YEAR, totals(10, 30, 0, 4)), rules());
    assertThat(cpa.completedHours()).isEqualByComparingTo("40");
  }

  @Test
  void aCapOfZeroCountsNoOutputHoursAndNegativeSumsNeverCountBelowZero() {
    ComplianceRule noOutput =
        new ComplianceRule(
            YEAR,
            MemberCategory.PRACTISING_CPA,
            d("40.0"),
            d("4.0"),
            d("0.0"),
            null,
            null,
            null,
            null);
    assertThat(noOutput.counted(totals(30, 10, 0, 4))).isEqualByComparingTo("30");
    assertThat(noOutput.counted(totals(-8, 0, 0, 0))).isEqualByComparingTo("0");
  }

  @Test
  void inputHoursAboveTwentyFourCarryIntoTheNextYearOnlyAndAtMostTwentyFour() {
    // 2025: 34 input hours → 10 carry into 2026.
    Statement carried =
        compute(
            MemberCategory.NON_PRACTISING,
            Map.of(YEAR - 1, totals(30, 0, 4, 4), YEAR, totals(30, 0, 0, 4)),
            rules());
    assertThat(carried.carriedOverHours()).isEqualByComparingTo("10");
    assertThat(carried.completedHours()).isEqualByComparingTo("40");
    assertThat(carried.compliant()).isTrue();
    // 2025: 60 input hours → at most 24 carry.
    Statement capped =
        compute(
            MemberCategory.NON_PRACTISING,
            Map.of(YEAR - 1, totals(60, 0, 0, 4), YEAR, totals(10, 0, 0, 4)),
            rules());
    assertThat(capped.carriedOverHours()).isEqualByComparingTo("24");
    assertThat(capped.completedHours()).isEqualByComparingTo("34");
    // Output hours never carry.
    Statement output =
        compute(
            MemberCategory.NON_PRACTISING,
            Map.of(YEAR - 1, totals(24, 16, 0, 4), YEAR, totals(0, 0, 0, 0)),
            rules());
    assertThat(output.carriedOverHours()).isEqualByComparingTo("0");
    // The next year only: 2024's surplus does not reach 2026 (through 2025 or directly).
    Statement twoBack =
        compute(
            MemberCategory.NON_PRACTISING,
            Map.of(YEAR - 2, totals(60, 0, 0, 4), YEAR - 1, totals(0, 0, 0, 0)),
            rules());
    assertThat(twoBack.carriedOverHours()).isEqualByComparingTo("0");
    // Hours carried into 2025 do not carry on into 2026.
    Statement chain =
        compute(
            MemberCategory.NON_PRACTISING,
            Map.of(YEAR - 2, totals(48, 0, 0, 4), YEAR - 1, totals(24, 0, 0, 4)),
            rules());
    assertThat(chain.carriedOverHours()).isEqualByComparingTo("0");
    // Practising CPAs carry nothing by default.
    Statement cpa =
        compute(MemberCategory.PRACTISING_CPA, Map.of(YEAR - 1, totals(80, 0, 0, 4)), rules());
    assertThat(cpa.carriedOverHours()).isEqualByComparingTo("0");
  }

  @Test
  void carriedHoursDoNotCountAsEthics() {
    Statement s =
        compute(
            MemberCategory.NON_PRACTISING,
            Map.of(YEAR - 1, totals(48, 0, 0, 8), YEAR, totals(16, 0, 0, 2)),
            rules());
    assertThat(s.completedHours()).isEqualByComparingTo("40");
    assertThat(s.ethicsHours()).isEqualByComparingTo("2");
    assertThat(s.compliant()).isFalse();
  }

  @Test
  void aCycleSumsTheCountedHoursOfItsYearsWithoutCarryOverAndStaysOutOfCompliant() {
    ComplianceRule twoYears =
        new ComplianceRule(
            YEAR - 1,
            MemberCategory.PRACTISING_CPA,
            d("30.0"),
            d("4.0"),
            d("10.0"),
            null,
            null,
            2,
            d("80.0"));
    Statement s =
        compute(
            MemberCategory.PRACTISING_CPA,
            Map.of(YEAR - 1, totals(35, 20, 0, 4), YEAR, totals(30, 0, 0, 4)),
            rules(twoYears));
    assertThat(s.cycle()).isNotNull();
    assertThat(s.cycle().firstYear()).isEqualTo(YEAR - 1);
    assertThat(s.cycle().lastYear()).isEqualTo(YEAR);
    // 2025: 35 + min(20, 10) = 45; 2026: 30 → 75 < 80.
    assertThat(s.cycle().completedHours()).isEqualByComparingTo("75");
    assertThat(s.cycle().compliant()).isFalse();
    // The year itself is compliant: compliant follows API.md (year minimum and ethics only).
    assertThat(s.compliant()).isTrue();
    Statement noCycle =
        compute(MemberCategory.PRACTISING_CPA, Map.of(YEAR, totals(40, 0, 0, 4)), rules());
    assertThat(noCycle.cycle()).isNull();
  }

  @Test
  void eachCategoryFollowsItsOwnRule() {
    ComplianceRule practitioner =
        new ComplianceRule(
            YEAR, MemberCategory.PRACTITIONER, d("20.0"), d("2.0"), null, null, null, null, null);
    Map<Integer, Totals> t = Map.of(YEAR, totals(20, 0, 0, 2));
    assertThat(compute(MemberCategory.PRACTITIONER, t, rules(practitioner)).compliant()).isTrue();
    assertThat(compute(MemberCategory.PRACTISING_CPA, t, rules(practitioner)).compliant())
        .isFalse();
    assertThat(compute(MemberCategory.PRACTITIONER, t, rules(practitioner)).requiredHours())
        .isEqualByComparingTo("20");
  }

  @Test
  void aRuleOfAnEarlierYearAppliesToTheLaterYearsWithoutARuleOfTheirOwn() {
    ComplianceRule from2024 =
        new ComplianceRule(
            YEAR - 2,
            MemberCategory.PRACTISING_CPA,
            d("30.0"),
            d("2.0"),
            null,
            null,
            null,
            null,
            null);
    Map<Integer, Map<MemberCategory, ComplianceRule>> r = rules(from2024);
    assertThat(r.get(YEAR).get(MemberCategory.PRACTISING_CPA).requiredHours())
        .isEqualByComparingTo("30");
    assertThat(r.get(YEAR).get(MemberCategory.PRACTISING_CPA).year()).isEqualTo(YEAR);
    assertThat(r.get(YEAR - 3).get(MemberCategory.PRACTISING_CPA).requiredHours())
        .isEqualByComparingTo("40");
    Statement s = compute(MemberCategory.PRACTISING_CPA, Map.of(YEAR, totals(30, 0, 0, 2)), r);
    assertThat(s.compliant()).isTrue();
  }

  @Test
  void aRulesFieldsAreValidatedTogether() {
    assertThat(
            new RuleInput(d("40"), d("4"), d("16"), d("24"), d("24"), 3, d("120"))
                .validate(YEAR, MemberCategory.NON_PRACTISING)
                .requiredHours())
        .isEqualByComparingTo("40.0");
    assertThat(fields(new RuleInput(null, null, null, null, null, null, null)))
        .containsExactlyInAnyOrder(
            "requiredHours:compliance.error.required",
            "requiredEthicsHours:compliance.error.required");
    assertThat(fields(new RuleInput(d("10"), d("12"), null, null, null, null, null)))
        .containsExactly("requiredEthicsHours:compliance.error.ethicsAboveRequired");
    assertThat(fields(new RuleInput(d("201"), d("4"), d("-1"), null, null, null, null)))
        .containsExactlyInAnyOrder(
            "requiredHours:compliance.error.range", "outputCap:compliance.error.range");
    assertThat(fields(new RuleInput(d("40.3"), d("4"), null, null, null, null, null)))
        .containsExactly("requiredHours:compliance.error.step");
    assertThat(fields(new RuleInput(d("40"), d("4"), null, null, d("24"), null, null)))
        .containsExactly("carryOverCap:compliance.error.carryNeedsInput");
    assertThat(fields(new RuleInput(d("40"), d("4"), null, null, null, 1, d("80"))))
        .containsExactly("cycleYears:compliance.error.cycleYears");
    assertThat(fields(new RuleInput(d("40"), d("4"), null, null, null, 6, d("80"))))
        .containsExactly("cycleYears:compliance.error.cycleYears");
    assertThat(fields(new RuleInput(d("40"), d("4"), null, null, null, 3, null)))
        .containsExactly("cycleHours:compliance.error.cycleHoursRequired");
    assertThat(fields(new RuleInput(d("40"), d("4"), null, null, null, null, d("80"))))
        .containsExactly("cycleYears:compliance.error.cycleYearsRequired");
  }

  @Test
  void aListReadsOnlyTheYearsItsRulesLookBackOn() {
    // Defaults: non-practising members carry last year's hours over.
    assertThat(StatementService.lookBack(rules(), YEAR)).isEqualTo(1);
    ComplianceRule noCarry =
        new ComplianceRule(
            YEAR - 4,
            MemberCategory.NON_PRACTISING,
            d("40.0"),
            d("4.0"),
            d("16.0"),
            null,
            null,
            null,
            null);
    assertThat(StatementService.lookBack(rules(noCarry), YEAR)).isZero();
    ComplianceRule cycle =
        new ComplianceRule(
            YEAR,
            MemberCategory.PRACTISING_CPA,
            d("30.0"),
            d("4.0"),
            null,
            null,
            null,
            3,
            d("90.0"));
    assertThat(StatementService.lookBack(rules(noCarry, cycle), YEAR)).isEqualTo(2);
  }

  private static java.util.List<String> fields(RuleInput input) {
    try {
      input.validate(YEAR, MemberCategory.PRACTISING_CPA);
    } catch (CmisException e) {
      return e.errors().stream().map((FieldError f) -> f.field() + ":" + f.message()).toList();
    }
    throw new AssertionError("expected the rule to be refused: " + input);
  }
}
