package org.cmis.training.catalog;

import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.Role;

/** Who may see and organise a class. */
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
}
