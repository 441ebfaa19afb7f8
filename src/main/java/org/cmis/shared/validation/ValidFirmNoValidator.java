package org.cmis.shared.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.cmis.shared.FirmNo;
import org.jspecify.annotations.Nullable;

/** Validator for {@link ValidFirmNo}; delegates to {@link FirmNo#isValid(String)}. */
public final class ValidFirmNoValidator implements ConstraintValidator<ValidFirmNo, String> {

  /** Returns true for null or empty values, otherwise the result of the shared check. */
  @Override
  public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
    return value == null || value.isEmpty() || FirmNo.isValid(value);
  }
}
