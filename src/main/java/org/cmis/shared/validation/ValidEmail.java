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
 * The annotated string must be a well-formed e-mail address; null and empty values are considered
 * valid.
 */
@Documented
@Constraint(validatedBy = ValidEmailValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface ValidEmail {

  /** Message template used when the value is invalid. */
  String message() default "{validation.email}";

  /** Validation groups this constraint belongs to. */
  Class<?>[] groups() default {};

  /** Payload attached to the constraint. */
  Class<? extends Payload>[] payload() default {};
}
