package org.cmis.training.registration;

import java.util.EnumSet;
import java.util.Set;
import org.cmis.shared.CmisException;
import org.cmis.shared.ErrorCode;

/** The message key of a refusal as the registration pages word it. */
final class Refusals {

  private static final Set<ErrorCode> WORDED =
      EnumSet.of(
          ErrorCode.CLASS_FULL,
          ErrorCode.ALREADY_REGISTERED,
          ErrorCode.NOT_ELIGIBLE,
          ErrorCode.NOT_IN_FIRM,
          ErrorCode.REGISTRATION_CLOSED,
          ErrorCode.CLASS_NOT_OPEN,
          ErrorCode.CLASS_CANCELLED,
          ErrorCode.EXTERNAL_CLASS,
          ErrorCode.CANCELLATION_CLOSED,
          ErrorCode.INVALID_STATE,
          ErrorCode.BUSY,
          ErrorCode.FORBIDDEN,
          ErrorCode.VALIDATION_FAILED);

  private Refusals() {}

  static String key(ErrorCode code) {
    return WORDED.contains(code) ? "regpage.refusal." + code.name() : code.titleKey();
  }

  /** The page's own sentence for the code, or the service's specific reason. */
  static String key(CmisException e) {
    if (!e.getMessage().equals(e.code().titleKey()) && e.code() == ErrorCode.INVALID_STATE) {
      return e.getMessage(); // e.g. registration.nonAttendance.window
    }
    return key(e.code());
  }
}
