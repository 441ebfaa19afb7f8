package org.cmis.credits.compliance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.cmis.credits.ComplianceRule;
import org.cmis.membership.MemberCategory;
import org.cmis.shared.CmisException;
import org.cmis.shared.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a compliance rule as admin sends them (the settings page's form, the API's PUT
 * body): the yearly minimum and its ethics part are required; the caps, the input-based minimum,
 * the carry-over cap and the cycle are optional. {@link #validate} checks them all at once and
 * names every invalid field.
 */
public record RuleInput(
    @Nullable BigDecimal requiredHours,
    @Nullable BigDecimal requiredEthicsHours,
    @Nullable BigDecimal outputCap,
    @Nullable BigDecimal inputMinimum,
    @Nullable BigDecimal carryOverCap,
    @Nullable Integer cycleYears,
    @Nullable BigDecimal cycleHours) {

  static final BigDecimal MAX_HOURS = new BigDecimal("200");
  static final BigDecimal MAX_CYCLE_HOURS = new BigDecimal("1000");
  static final int MIN_CYCLE_YEARS = 2;
  static final int MAX_CYCLE_YEARS = 5;

  /** The form's values of a rule in force. */
  public static RuleInput of(ComplianceRule rule) {
    return new RuleInput(
        rule.requiredHours(),
        rule.requiredEthicsHours(),
        rule.outputCap(),
        rule.inputMinimum(),
        rule.carryOverCap(),
        rule.cycleYears(),
        rule.cycleHours());
  }

  /** The rule these fields make, or 422 VALIDATION_FAILED naming each invalid field. */
  public ComplianceRule validate(int year, MemberCategory category) {
    List<FieldError> errors = new ArrayList<>();
    hours(errors, "requiredHours", requiredHours, true, MAX_HOURS);
    hours(errors, "requiredEthicsHours", requiredEthicsHours, true, MAX_HOURS);
    if (requiredHours != null
        && requiredEthicsHours != null
        && requiredEthicsHours.compareTo(requiredHours) > 0
        && errors.isEmpty()) {
      errors.add(new FieldError("requiredEthicsHours", "compliance.error.ethicsAboveRequired"));
    }
    hours(errors, "outputCap", outputCap, false, MAX_HOURS);
    hours(errors, "inputMinimum", inputMinimum, false, MAX_HOURS);
    hours(errors, "carryOverCap", carryOverCap, false, MAX_HOURS);
    if (carryOverCap != null && inputMinimum == null) {
      errors.add(new FieldError("carryOverCap", "compliance.error.carryNeedsInput"));
    }
    if (cycleYears != null && (cycleYears < MIN_CYCLE_YEARS || cycleYears > MAX_CYCLE_YEARS)) {
      errors.add(new FieldError("cycleYears", "compliance.error.cycleYears"));
    }
    hours(errors, "cycleHours", cycleHours, false, MAX_CYCLE_HOURS);
    if (cycleYears != null && cycleHours == null) {
      errors.add(new FieldError("cycleHours", "compliance.error.cycleHoursRequired"));
    }
    if (cycleYears == null && cycleHours != null) {
      errors.add(new FieldError("cycleYears", "compliance.error.cycleYearsRequired"));
    }
    if (!errors.isEmpty()) {
      throw CmisException.validation(errors);
    }
    return new ComplianceRule(
        year,
        category,
        tenth(requiredHours),
        tenth(requiredEthicsHours),
        tenth(outputCap),
        tenth(inputMinimum),
        tenth(carryOverCap),
        cycleYears,
        tenth(cycleHours));
  }

  /** 0 to max, in steps of 0.5 (学时 are counted in halves). */
  private static void hours(
      List<FieldError> errors,
      String field,
      @Nullable BigDecimal value,
      boolean required,
      BigDecimal max) {
    if (value == null) {
      if (required) {
        errors.add(new FieldError(field, "compliance.error.required"));
      }
      return;
    }
    if (value.signum() < 0 || value.compareTo(max) > 0) {
      errors.add(
          new FieldError(
              field,
              max == MAX_HOURS ? "compliance.error.range" : "compliance.error.cycleHoursRange"));
    } else if (value.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() > 0) {
      errors.add(new FieldError(field, "compliance.error.step"));
    }
  }

  private static @Nullable BigDecimal tenth(@Nullable BigDecimal value) {
    return value == null ? null : value.setScale(1, java.math.RoundingMode.UNNECESSARY);
  }
}
