package org.cmis.shared.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.cmis.shared.CreditCode;
import org.jspecify.annotations.Nullable;

/** Validator for {@link ValidCreditCode}; delegates to {@link CreditCode#isValid(String)}. */
public final class ValidCreditCodeValidator
    implements ConstraintValidator<ValidCreditCode, String> {

  /** Returns true for null or empty values, otherwise the result of the shared check. */
  @Override
  public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
    return value == null || value.isEmpty() || CreditCode.isValid(value);
  }
}
