package org.cmis.shared;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A refusal with a stable {@link ErrorCode}: the API answers it as problem+json, the pages as a
 * message. The detail is a message key or text safe to show to the caller.
 */
public class CmisException extends RuntimeException {

  private final ErrorCode code;
  private final List<FieldError> errors;
  private final @Nullable Duration retryAfter;

  public CmisException(ErrorCode code, String detail) {
    this(code, detail, List.of(), null);
  }

  public CmisException(
      ErrorCode code, String detail, List<FieldError> errors, @Nullable Duration retryAfter) {
    super(detail);
    this.code = code;
    this.errors = List.copyOf(errors);
    this.retryAfter = retryAfter;
  }

  /** A 422 VALIDATION_FAILED listing the invalid fields. */
  public static CmisException validation(List<FieldError> errors) {
    return new CmisException(ErrorCode.VALIDATION_FAILED, "error.VALIDATION_FAILED", errors, null);
  }

  public ErrorCode code() {
    return code;
  }

  public List<FieldError> errors() {
    return errors;
  }

  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}
