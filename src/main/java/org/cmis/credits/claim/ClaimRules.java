package org.cmis.credits.claim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cmis.shared.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * The one rule evaluator of claims (ADR 0030): what a claim of a type may be granted, from the
 * type's data alone. Pure, no database: the caller passes what the member already has this year.
 *
 * <ol>
 *   <li>the rule's hours: FIXED the type's amount, PER_UNIT units × hours per unit, CLAIMED the
 *       hours claimed; then at most the type's maximum per claim; then the member's share of a
 *       co-authored work (divided by the number of authors, rounded down to 0.5);
 *   <li>the type's conditions: PUBLISHED (the date not after today), FIRST_DELIVERY (no earlier
 *       claim of the same identifier); an identifier where the type requires one; units for
 *       PER_UNIT;
 *   <li>the year's cap of the type: what is left after the member's granted and pending claims.
 * </ol>
 */
public final class ClaimRules {

  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private ClaimRules() {}

  /** What the claim says about the work. */
  public record Facts(
      LocalDate workDate,
      @Nullable BigDecimal units,
      int authors,
      BigDecimal hoursClaimed,
      String identifier) {}

  /**
   * What the member already has: the hours of its other claims of the type in the claim's year that
   * count against the cap (granted, and claimed while pending), and whether an earlier claim of the
   * same identifier exists (for FIRST_DELIVERY).
   */
  public record Context(LocalDate today, BigDecimal usedThisYear, boolean claimedBefore) {}

  /**
   * The outcome: the hours the rule allows for this work, the cap left this year (null: no cap),
   * the hours that may be granted (the least of claimed, rule and cap left), and the problems
   * (field errors) that keep the claim from being submitted.
   */
  public record Assessment(
      BigDecimal ruleHours,
      @Nullable BigDecimal capLeft,
      BigDecimal grantable,
      List<FieldError> problems) {

    /** Whether the year's cap of the type is used up. */
    public boolean capReached() {
      return capLeft != null && capLeft.signum() <= 0;
    }

    /** Whether the claim asks for more than may be granted because of the cap (and only that). */
    public boolean overCap(BigDecimal claimed) {
      return capLeft != null && claimed.compareTo(capLeft) > 0 && claimed.compareTo(ruleHours) <= 0;
    }
  }

  /** Assesses a claim of the type. */
  public static Assessment assess(ClaimType type, Facts facts, Context context) {
    List<FieldError> problems = new ArrayList<>();
    BigDecimal rule =
        switch (type.mode()) {
          case FIXED -> type.hoursPerUnit();
          case PER_UNIT -> {
            if (facts.units() == null || facts.units().signum() <= 0) {
              problems.add(new FieldError("units", "claims.error.units"));
              yield BigDecimal.ZERO;
            }
            yield facts.units().multiply(type.hoursPerUnit());
          }
          case CLAIMED -> facts.hoursClaimed();
        };
    rule = rule.min(type.maxPerClaim());
    int authors = Math.max(1, facts.authors());
    rule = halves(rule.divide(BigDecimal.valueOf(authors), 4, RoundingMode.DOWN));
    if (facts.workDate().isAfter(context.today())) {
      problems.add(
          new FieldError(
              "workDate",
              type.conditions().contains(ClaimType.Condition.PUBLISHED)
                  ? "claims.error.notPublished"
                  : "claims.error.workDate.future"));
    }
    if (type.identifierRequired() && facts.identifier().isBlank()) {
      problems.add(new FieldError("identifier", "claims.error.identifier.required"));
    }
    if (type.conditions().contains(ClaimType.Condition.FIRST_DELIVERY) && context.claimedBefore()) {
      problems.add(new FieldError("identifier", "claims.error.notFirstDelivery"));
      rule = BigDecimal.ZERO;
    }
    BigDecimal capLeft =
        type.yearlyCap() == null
            ? null
            : type.yearlyCap().subtract(context.usedThisYear()).max(BigDecimal.ZERO);
    BigDecimal grantable = facts.hoursClaimed().min(rule);
    if (capLeft != null) {
      grantable = grantable.min(capLeft);
    }
    if (facts.hoursClaimed().compareTo(rule) > 0 && rule.signum() > 0) {
      problems.add(new FieldError("hoursClaimed", "claims.error.hoursClaimed.overRule"));
    }
    return new Assessment(
        rule.setScale(1),
        capLeft == null ? null : capLeft.setScale(1),
        grantable.setScale(1),
        List.copyOf(problems));
  }

  /** A value rounded down to a multiple of 0.5. */
  static BigDecimal halves(BigDecimal value) {
    return value.multiply(TWO).setScale(0, RoundingMode.DOWN).divide(TWO).setScale(1);
  }
}
