package org.cmis.shared.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.cmis.shared.Email;
import org.jspecify.annotations.Nullable;

/** Validator for {@link ValidEmail}; delegates to {@link Email#isValid(String)}. */
public final class ValidEmailValidator implements ConstraintValidator<ValidEmail, String> {

  /** Returns true for null or empty values, otherwise the result of the shared check. */
  @Override
  public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
    return value == null || value.isEmpty() || Email.isValid(value);
  }
}
