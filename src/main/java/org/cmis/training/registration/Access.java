package org.cmis.training.registration;

import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.Role;
import org.cmis.training.catalog.TrainingClass;

/** Who may see and act on classes and registrations. */
public final class Access {

  private Access() {}

  /** Published classes for everyone; drafts for their institute's staff and administrators. */
  public static boolean canSee(CurrentUser user, TrainingClass c) {
    return c.published() || user.is(Role.ADMIN) || isOrganiser(user, c);
  }

  public static boolean isOrganiser(CurrentUser user, TrainingClass c) {
    return user.is(Role.STAFF) && c.instituteCode().equals(user.instituteCode());
  }

  /** A class the caller may not see does not exist for it. */
  public static void requireVisible(CurrentUser user, TrainingClass c) {
    if (!canSee(user, c)) {
      throw new CmisException(ErrorCode.NOT_FOUND, "error.NOT_FOUND");
    }
  }

  public static void requireOrganiser(CurrentUser user, TrainingClass c) {
    requireVisible(user, c);
    if (!isOrganiser(user, c)) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
  }

  /** A registration is the member's own, its firm's, its class's institute's, or any (admin). */
  public static boolean canSee(CurrentUser user, Registration r, String classInstitute) {
    return switch (user.role()) {
      case ADMIN -> true;
      case STAFF -> classInstitute.equals(user.instituteCode());
      case FIRM -> r.firmNo() != null && r.firmNo().equals(user.firmNo());
      case MEMBER -> r.memberNo().equals(user.memberNo());
    };
  }
}
