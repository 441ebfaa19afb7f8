package org.cmis.shared.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.cmis.shared.MemberNo;
import org.jspecify.annotations.Nullable;

/** Validator for {@link ValidMemberNo}; delegates to {@link MemberNo#isValid(String)}. */
public final class ValidMemberNoValidator implements ConstraintValidator<ValidMemberNo, String> {

  /** Returns true for null or empty values, otherwise the result of the shared check. */
  @Override
  public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
    return value == null || value.isEmpty() || MemberNo.isValid(value);
  }
}
