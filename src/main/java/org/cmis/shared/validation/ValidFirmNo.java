package org.cmis.shared.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated string must be an 8-digit accounting firm number; null and empty values are
 * considered valid.
 */
@Documented
@Constraint(validatedBy = ValidFirmNoValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface ValidFirmNo {

  /** Message template used when the value is invalid. */
  String message() default "{validation.firmNo}";

  /** Validation groups this constraint belongs to. */
  Class<?>[] groups() default {};

  /** Payload attached to the constraint. */
  Class<? extends Payload>[] payload() default {};
}
