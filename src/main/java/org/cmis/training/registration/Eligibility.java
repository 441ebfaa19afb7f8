package org.cmis.training.registration;

import org.cmis.membership.MemberProfile;
import org.cmis.training.Audience;
import org.cmis.training.catalog.TrainingClass;

/** Whether a person may take part in a class: audience, restriction, active (F4.1). */
final class Eligibility {

  private Eligibility() {}

  static boolean eligible(TrainingClass c, MemberProfile p) {
    if (!p.active() || !c.audiences().contains(Audience.valueOf(p.category().name()))) {
      return false;
    }
    return switch (c.restriction()) {
      case NONE -> true;
      case PARTNERS_ONLY -> p.partner();
      case NAMED_FIRMS -> p.firmNo() != null && c.restrictedFirms().contains(p.firmNo());
    };
  }
}
