package org.cmis.training.registration;

import org.cmis.membership.MemberProfile;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.Role;
import org.cmis.training.Audience;
import org.cmis.training.catalog.TrainingClass;
import org.jspecify.annotations.Nullable;

/**
 * Why one person was not eligible (outcome {@code NOT_ELIGIBLE}), so that 补报名 says each person's
 * own reason rather than one lumped text (ADR 0037). The API keeps the one outcome.
 */
public enum Ineligibility {
  UNKNOWN_NUMBER,
  OTHER_INSTITUTE,
  INACTIVE,
  NOT_AUDIENCE,
  RESTRICTED;

  /** The first reason that applies, in the order {@link BulkRegistration} checks them. */
  public static Ineligibility of(CurrentUser caller, TrainingClass c, @Nullable MemberProfile p) {
    if (p == null) {
      return UNKNOWN_NUMBER;
    }
    if (caller.is(Role.STAFF) && !p.instituteCode().equals(caller.instituteCode())) {
      return OTHER_INSTITUTE;
    }
    if (!p.active()) {
      return INACTIVE;
    }
    if (!c.audiences().contains(Audience.valueOf(p.category().name()))) {
      return NOT_AUDIENCE;
    }
    return RESTRICTED;
  }
}
