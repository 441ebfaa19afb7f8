package org.cmis.credits.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cmis.credits.HourEntries;
import org.cmis.credits.Statement;
import org.cmis.membership.MemberCategory;
import org.cmis.membership.ScopedMember;
import org.cmis.support.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The compliance arithmetic in SQL ({@link CountedHours}, what the hours lists filter, count and
 * page on, and what the shortfall export writes) gives exactly the answers of {@link
 * org.cmis.credits.ComplianceRule} as {@link StatementService#compute} applies it, on varied data:
 * every member category, rules with and without output caps and carry-over (this year's and last
 * year's differing), the defaults, members without entries, reversals down to negative sums, totals
 * right at the minimums; and {@code hour_year_total} stays the sum of the entries.
 */
@IntegrationTest
class ComplianceSqlTest {

  /** Years of this test only: their rules are set here. */
  private static final int LAST = 2071;

  private static final int YEAR = 2072;

  @Autowired JdbcClient jdbc;
  @Autowired CountedHours counted;
  @Autowired StatementService service;

  /** Member numbers of this test: Q, six digits of a serial started from the clock, four more. */
  private static final java.util.concurrent.atomic.AtomicInteger SERIAL =
      new java.util.concurrent.atomic.AtomicInteger(
          (int) (System.currentTimeMillis() / 1000 % 100_000) * 10);

  private static String prefix() {
    return "Q" + String.format("%06d", SERIAL.getAndIncrement() % 1_000_000);
  }

  private void rule(
      int year,
      MemberCategory category,
      String required,
      String ethics,
      @Nullable String outputCap,
      @Nullable String inputMinimum,
      @Nullable String carryOverCap) {
    jdbc.sql(
            "insert into compliance_rule (year, category, required_hours, required_ethics_hours,"
                + " output_cap, input_minimum, carry_over_cap, updated_by) values (:year, :category,"
                + " :required, :ethics, :cap, :min, :carry, 'test') on conflict (year, category) do"
                + " update set required_hours = excluded.required_hours, required_ethics_hours ="
                + " excluded.required_ethics_hours, output_cap = excluded.output_cap,"
                + " input_minimum = excluded.input_minimum,"
                + " carry_over_cap = excluded.carry_over_cap")
        .param("year", year)
        .param("category", category.name())
        .param("required", new BigDecimal(required))
        .param("ethics", new BigDecimal(ethics))
        .param("cap", outputCap == null ? null : new BigDecimal(outputCap), java.sql.Types.NUMERIC)
        .param(
            "min",
            inputMinimum == null ? null : new BigDecimal(inputMinimum),
            java.sql.Types.NUMERIC)
        .param(
            "carry",
            carryOverCap == null ? null : new BigDecimal(carryOverCap),
            java.sql.Types.NUMERIC)
        .update();
  }

  @Test
  void theSqlArithmeticEqualsComplianceRuleOnVariedData() {
    // Last year: carry-over for non-practising members (the defaults' shape, other figures) and
    // for practitioners; this year: an output cap for CPAs, other minimums, no carry-over out of
    // this year for practitioners.
    rule(LAST, MemberCategory.PRACTISING_CPA, "40", "4", null, null, null);
    rule(LAST, MemberCategory.NON_PRACTISING, "40", "4", "16", "20", "10");
    rule(LAST, MemberCategory.PRACTITIONER, "30", "2", "5", "30", "24");
    rule(YEAR, MemberCategory.PRACTISING_CPA, "30", "6", "8", null, null);
    rule(YEAR, MemberCategory.NON_PRACTISING, "35", "4", "16", "24", "24");
    rule(YEAR, MemberCategory.PRACTITIONER, "20", "0", null, null, null);
    check(YEAR, 240, 11);
    // The year after follows this year's rows; the year before the first rows: whatever the
    // earlier rows or the defaults say.
    check(YEAR + 1, 120, 12);
    check(LAST, 120, 13);
  }

  @Test
  void theDefaultsToo() {
    // Years nobody configures in tests (the latest row at or before them decides, else the
    // defaults): whatever is in force, both sides read the same rules.
    check(2004, 150, 21);
  }

  /** Members with random entries in the year and the year before, compared one by one. */
  private void check(int year, int count, long seed) {
    Random random = new Random(seed);
    HourEntries entries = new HourEntries(jdbc);
    String prefix = prefix();
    String[] firms = {"Q0000001", "Q0000002", null};
    List<ScopedMember> scope = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      MemberCategory category = MemberCategory.values()[i % 3];
      String no = prefix + String.format("%04d", i);
      scope.add(new ScopedMember(no, "测试" + i, category, firms[random.nextInt(3)]));
      if (i % 10 == 9) {
        continue; // no entries at all
      }
      for (int y = year - 1; y <= year; y++) {
        int n = random.nextInt(5);
        for (int e = 0; e < n; e++) {
          String cat = List.of("TRAINING", "OUTPUT", "EXTERNAL").get(random.nextInt(3));
          double hours = 0.5 * (1 + random.nextInt(40));
          double ethics = random.nextInt(3) == 0 ? Math.min(hours, 0.5 * random.nextInt(9)) : 0;
          long id =
              cat.equals("EXTERNAL")
                  ? entries.add(no, y, hours, ethics, cat, "MANUAL", null, "外部学时", null)
                  : entries.add(no, y, hours, ethics, cat, "CLAIM", 1L + e, "测试", null);
          if (random.nextInt(6) == 0) {
            // A reversal, sometimes of more than the entry (a sum below zero).
            double back = random.nextBoolean() ? hours : hours + 0.5 * (1 + random.nextInt(10));
            entries.add(
                no,
                y,
                -back,
                -Math.min(ethics, back),
                cat,
                cat.equals("EXTERNAL") ? "MANUAL" : "CLAIM",
                cat.equals("EXTERNAL") ? null : 1L + e,
                "冲销",
                id);
          }
        }
      }
      if (i % 10 == 4) {
        // Right at this year's minimums: training up to the required hours, ethics to its part.
        var rule = service.statementsOf(List.of(scope.get(i)), year).get(0);
        BigDecimal missing = rule.requiredHours().subtract(rule.completedHours());
        BigDecimal ethicsMissing = rule.requiredEthicsHours().subtract(rule.ethicsHours());
        if (missing.signum() > 0) {
          BigDecimal ethics = ethicsMissing.max(BigDecimal.ZERO).min(missing);
          entries.add(
              no,
              year,
              missing.doubleValue(),
              ethics.doubleValue(),
              "TRAINING",
              "CLAIM",
              99L,
              "补足",
              null);
        }
      }
    }

    // hour_year_total is the sum of the entries.
    assertThat(
            jdbc.sql(
                    "select count(*) from (select member_no, year,"
                        + " coalesce(sum(hours) filter (where category = 'TRAINING'), 0) tr,"
                        + " coalesce(sum(hours) filter (where category = 'OUTPUT'), 0) o,"
                        + " coalesce(sum(hours) filter (where category = 'EXTERNAL'), 0) ex,"
                        + " sum(ethics_hours) et from hour_entry where member_no like :p"
                        + " group by 1, 2) e full join (select * from hour_year_total"
                        + " where member_no like :p) t using (member_no, year)"
                        + " where (t.training_hours, t.output_hours, t.external_hours,"
                        + " t.ethics_hours) is distinct from (e.tr, e.o, e.ex, e.et)")
                .param("p", prefix + "%")
                .query(Integer.class)
                .single())
        .isZero();

    List<Statement> java = service.statementsOf(scope, year);
    List<CountedHours.Figures> sql = counted.figures(scope, year, null);
    assertThat(sql).hasSize(scope.size());
    int compliant = 0;
    for (int i = 0; i < scope.size(); i++) {
      Statement s = java.get(i);
      CountedHours.Figures f = sql.get(i);
      String who = s.memberNo() + " " + s.memberCategory() + " " + s.byCategory();
      assertThat(f.member()).as(who).isEqualTo(scope.get(i));
      assertThat(f.completedHours()).as(who).isEqualByComparingTo(s.completedHours());
      assertThat(f.requiredHours()).as(who).isEqualByComparingTo(s.requiredHours());
      assertThat(f.ethicsHours()).as(who).isEqualByComparingTo(s.ethicsHours());
      assertThat(f.requiredEthicsHours()).as(who).isEqualByComparingTo(s.requiredEthicsHours());
      assertThat(f.compliant()).as(who).isEqualTo(s.compliant());
      assertThat(f.shortfall()).as(who).isEqualByComparingTo(s.shortfall());
      assertThat(f.ethicsShortfall()).as(who).isEqualByComparingTo(s.ethicsShortfall());
      compliant += s.compliant() ? 1 : 0;
    }
    // Varied enough to mean something: both answers, and the carry-over and the cap at work.
    assertThat(compliant).isBetween(1, scope.size() - 1);
    assertThat(java).anyMatch(s -> s.carriedOverHours().signum() > 0 || year != YEAR);

    // The filters and counts the lists page on.
    List<Integer> shortOnes = new ArrayList<>();
    for (int i = 0; i < java.size(); i++) {
      if (!java.get(i).compliant()) {
        shortOnes.add(i);
      }
    }
    CountedHours.Page all = counted.page(scope, year, false, 0, 10_000);
    assertThat(all.compliant()).isEqualTo(compliant);
    assertThat(all.shortOnes()).isEqualTo(scope.size() - compliant);
    assertThat(all.indexes()).isEqualTo(shortOnes);
    CountedHours.Page second = counted.page(scope, year, false, 5, 7);
    assertThat(second.indexes()).isEqualTo(shortOnes.subList(5, 12));
    assertThat(counted.page(scope, year, null, 3, 4).indexes()).containsExactly(3, 4, 5, 6);
    assertThat(counted.figures(scope, year, true))
        .extracting(f -> f.member().memberNo())
        .isEqualTo(java.stream().filter(Statement::compliant).map(Statement::memberNo).toList());

    // Per firm.
    Map<String, int[]> byFirm = new HashMap<>();
    for (Statement s : java) {
      if (s.firmNo() != null) {
        int[] c = byFirm.computeIfAbsent(s.firmNo(), k -> new int[2]);
        c[0]++;
        c[1] += s.compliant() ? 1 : 0;
      }
    }
    Map<String, List<Integer>> fromSql = new HashMap<>();
    counted
        .byFirm(scope, year)
        .forEach(c -> fromSql.put(c.firmNo(), List.of(c.members(), c.compliant())));
    Map<String, List<Integer>> fromJava = new HashMap<>();
    byFirm.forEach((k, v) -> fromJava.put(k, List.of(v[0], v[1])));
    assertThat(fromSql).isEqualTo(fromJava);
  }
}
