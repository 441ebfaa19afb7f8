package org.cmis.credits.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.cmis.credits.claim.ClaimType.Condition;
import org.cmis.credits.claim.ClaimType.Mode;
import org.cmis.shared.FieldError;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The one rule evaluator, for each seeded type (V4_70__claims.sql) and its conditions. */
class ClaimRulesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

  static ClaimType type(
      String code,
      Mode mode,
      String perUnit,
      String unit,
      String max,
      @Nullable String cap,
      String idLabel,
      boolean idRequired,
      Set<Condition> conditions) {
    return new ClaimType(
        code,
        code,
        mode,
        new BigDecimal(perUnit),
        unit,
        new BigDecimal(max),
        cap == null ? null : new BigDecimal(cap),
        idLabel,
        idRequired,
        "材料",
        1,
        conditions,
        true,
        0);
  }

  // the seeded types, as the migration writes them
  static final ClaimType ARTICLE =
      type("ARTICLE", Mode.FIXED, "8", "", "8", "16", "刊物名称及期号", true, Set.of(Condition.PUBLISHED));
  static final ClaimType BOOK =
      type("BOOK", Mode.PER_UNIT, "2", "万字", "20", "20", "ISBN", true, Set.of(Condition.PUBLISHED));
  static final ClaimType RESEARCH =
      type("RESEARCH", Mode.FIXED, "10", "", "10", "20", "课题编号", false, Set.of());
  static final ClaimType TEACHING =
      type(
          "TEACHING",
          Mode.PER_UNIT,
          "2",
          "课程学时",
          "16",
          "24",
          "课程编号",
          true,
          Set.of(Condition.FIRST_DELIVERY));
  static final ClaimType INSPECTION =
      type("INSPECTION", Mode.PER_UNIT, "4", "天", "16", "16", "抽调通知文号", false, Set.of());
  static final ClaimType OTHER =
      type("OTHER", Mode.CLAIMED, "0", "", "8", "8", "", false, Set.of());

  static ClaimRules.Facts facts(
      LocalDate date, @Nullable String units, int authors, String claimed, String identifier) {
    return new ClaimRules.Facts(
        date,
        units == null ? null : new BigDecimal(units),
        authors,
        new BigDecimal(claimed),
        identifier);
  }

  static ClaimRules.Context context(String used, boolean before) {
    return new ClaimRules.Context(TODAY, new BigDecimal(used), before);
  }

  static ClaimRules.Assessment assess(ClaimType t, ClaimRules.Facts f, ClaimRules.Context c) {
    return ClaimRules.assess(t, f, c);
  }

  static Set<String> problems(ClaimRules.Assessment a) {
    return a.problems().stream()
        .map(FieldError::message)
        .collect(java.util.stream.Collectors.toSet());
  }

  @Test
  void anArticleIsAFixedAmountOnlyOncePublished() {
    var a =
        assess(
            ARTICLE,
            facts(TODAY.minusDays(3), null, 1, "8", "会计研究 2026 年第 5 期"),
            context("0", false));
    assertThat(a.ruleHours()).isEqualByComparingTo("8");
    assertThat(a.capLeft()).isEqualByComparingTo("16");
    assertThat(a.grantable()).isEqualByComparingTo("8");
    assertThat(a.problems()).isEmpty();
    // not published yet: a date after today
    var future =
        assess(ARTICLE, facts(TODAY.plusDays(1), null, 1, "8", "会计研究"), context("0", false));
    assertThat(problems(future)).containsExactly("claims.error.notPublished");
    // the journal and issue are required
    var noId = assess(ARTICLE, facts(TODAY, null, 1, "8", ""), context("0", false));
    assertThat(problems(noId)).containsExactly("claims.error.identifier.required");
    // co-authored by two: each its share (8 / 2)
    var shared = assess(ARTICLE, facts(TODAY, null, 2, "4", "会计研究"), context("0", false));
    assertThat(shared.ruleHours()).isEqualByComparingTo("4");
    var tooMuch = assess(ARTICLE, facts(TODAY, null, 2, "8", "会计研究"), context("0", false));
    assertThat(problems(tooMuch)).containsExactly("claims.error.hoursClaimed.overRule");
    // the cap of 16 a year: 12 used leaves 4
    var capped = assess(ARTICLE, facts(TODAY, null, 1, "8", "会计研究"), context("12", false));
    assertThat(capped.capLeft()).isEqualByComparingTo("4");
    assertThat(capped.grantable()).isEqualByComparingTo("4");
    assertThat(capped.overCap(new BigDecimal("8"))).isTrue();
    var full = assess(ARTICLE, facts(TODAY, null, 1, "8", "会计研究"), context("16", false));
    assertThat(full.capReached()).isTrue();
  }

  @Test
  void aBookCountsPerTenThousandCharactersUpToTheMaximum() {
    var a = assess(BOOK, facts(TODAY, "6", 1, "12", "978-7-111-12345-6"), context("0", false));
    assertThat(a.ruleHours()).isEqualByComparingTo("12");
    assertThat(a.problems()).isEmpty();
    var big = assess(BOOK, facts(TODAY, "30", 1, "20", "978-7-111-12345-6"), context("0", false));
    assertThat(big.ruleHours()).isEqualByComparingTo("20");
    var noUnits = assess(BOOK, facts(TODAY, null, 1, "10", "978-7"), context("0", false));
    assertThat(problems(noUnits)).contains("claims.error.units");
    // three authors of 6 万字: 12 / 3 = 4
    var three = assess(BOOK, facts(TODAY, "6", 3, "4", "978-7"), context("0", false));
    assertThat(three.ruleHours()).isEqualByComparingTo("4");
    // 7 / 3 rounds down to 2.0 hours (multiples of 0.5)
    var odd = assess(BOOK, facts(TODAY, "3.5", 3, "2", "978-7"), context("0", false));
    assertThat(odd.ruleHours()).isEqualByComparingTo("2");
  }

  @Test
  void researchIsAFixedAmountWithAnOptionalNumber() {
    var a = assess(RESEARCH, facts(TODAY, null, 1, "10", ""), context("10", false));
    assertThat(a.ruleHours()).isEqualByComparingTo("10");
    assertThat(a.capLeft()).isEqualByComparingTo("10");
    assertThat(a.problems()).isEmpty();
    var future =
        assess(RESEARCH, facts(TODAY.plusDays(10), null, 1, "10", ""), context("0", false));
    assertThat(problems(future)).containsExactly("claims.error.workDate.future");
  }

  @Test
  void teachingIsTwiceTheCourseHoursForItsFirstDeliveryOnly() {
    var a = assess(TEACHING, facts(TODAY, "6", 1, "12", "KC-2026-01"), context("0", false));
    assertThat(a.ruleHours()).isEqualByComparingTo("12");
    assertThat(a.problems()).isEmpty();
    // 2 × 10 course hours = 20, at most 16 a claim
    var long_ = assess(TEACHING, facts(TODAY, "10", 1, "16", "KC-2026-01"), context("0", false));
    assertThat(long_.ruleHours()).isEqualByComparingTo("16");
    // the same course again: no hours
    var again = assess(TEACHING, facts(TODAY, "6", 1, "12", "KC-2026-01"), context("0", true));
    assertThat(again.ruleHours()).isEqualByComparingTo("0");
    assertThat(again.grantable()).isEqualByComparingTo("0");
    assertThat(problems(again)).contains("claims.error.notFirstDelivery");
    var noCourse = assess(TEACHING, facts(TODAY, "6", 1, "12", " "), context("0", false));
    assertThat(problems(noCourse)).contains("claims.error.identifier.required");
  }

  @Test
  void inspectionCountsDaysUpToItsYearlyCap() {
    var a = assess(INSPECTION, facts(TODAY, "3", 1, "12", ""), context("0", false));
    assertThat(a.ruleHours()).isEqualByComparingTo("12");
    var capped = assess(INSPECTION, facts(TODAY, "3", 1, "12", ""), context("8", false));
    assertThat(capped.capLeft()).isEqualByComparingTo("8");
    assertThat(capped.grantable()).isEqualByComparingTo("8");
  }

  @Test
  void otherGrantsTheHoursClaimedUpToItsMaximum() {
    var a = assess(OTHER, facts(TODAY, null, 1, "6", ""), context("0", false));
    assertThat(a.ruleHours()).isEqualByComparingTo("6");
    assertThat(a.grantable()).isEqualByComparingTo("6");
    var over = assess(OTHER, facts(TODAY, null, 1, "10", ""), context("0", false));
    assertThat(over.ruleHours()).isEqualByComparingTo("8");
    assertThat(problems(over)).containsExactly("claims.error.hoursClaimed.overRule");
  }

  @Test
  void aTypeWithoutCapHasNoCapLeft() {
    ClaimType free = type("FREE", Mode.FIXED, "4", "", "4", null, "", false, Set.of());
    var a = assess(free, facts(TODAY, null, 1, "4", ""), context("100", false));
    assertThat(a.capLeft()).isNull();
    assertThat(a.capReached()).isFalse();
    assertThat(a.grantable()).isEqualByComparingTo("4");
  }
}
