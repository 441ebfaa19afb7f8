package org.cmis.training;

import java.util.List;
import org.cmis.shared.CmisException;
import org.cmis.shared.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * The reason given for returning or cancelling a registration, for not attending, or for cancelling
 * a class: required, at most {@value #MAX} characters, trimmed. The one rule of the API bodies, the
 * forms and the services.
 */
public record Reason(String text) {

  public static final int MAX = 500;

  /** The message key of a missing or too long reason (field {@code reason}). */
  public static final String INVALID = "registration.reason";

  public Reason {
    if (!valid(text) || !text.equals(text.trim())) {
      throw invalid();
    }
  }

  /** Whether the text, trimmed, is a reason. */
  public static boolean valid(@Nullable String text) {
    String t = text == null ? "" : text.trim();
    return !t.isEmpty() && t.length() <= MAX;
  }

  /** The trimmed reason; VALIDATION_FAILED on field {@code reason} when there is none. */
  public static Reason of(@Nullable String text) {
    if (!valid(text)) {
      throw invalid();
    }
    return new Reason(text.trim());
  }

  private static CmisException invalid() {
    return CmisException.validation(List.of(new FieldError("reason", INVALID)));
  }

  @Override
  public String toString() {
    return text;
  }
}
