package org.cmis.shared.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.cmis.shared.Mobile;
import org.jspecify.annotations.Nullable;

/** Validator for {@link ValidMobile}; delegates to {@link Mobile#isValid(String)}. */
public final class ValidMobileValidator implements ConstraintValidator<ValidMobile, String> {

  /** Returns true for null or empty values, otherwise the result of the shared check. */
  @Override
  public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
    return value == null || value.isEmpty() || Mobile.isValid(value);
  }
}
