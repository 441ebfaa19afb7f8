package org.cmis.membership.profile;

import org.cmis.membership.MemberDetails;
import org.cmis.membership.MemberDetailsReader;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.MemberNo;
import org.springframework.stereotype.Component;

/**
 * Who may see a member's profile and history (API.md, Members; ADR 0027): the member itself, its
 * firm (for as long as it is the member's firm), staff of its institute, admin. Anyone else gets
 * 404, the same answer as for a member that does not exist, so that it tells nothing. Only the
 * member itself changes its local fields.
 */
@Component
class ProfileAccess {

  private final MemberDetailsReader reader;

  ProfileAccess(MemberDetailsReader reader) {
    this.reader = reader;
  }

  /** The member's details when the caller may see them, else 404 NOT_FOUND. */
  MemberDetails visible(CurrentUser caller, String memberNo) {
    MemberDetails d = MemberNo.isValid(memberNo) ? reader.details(memberNo).orElse(null) : null;
    if (d == null || !maySee(caller, d)) {
      throw new CmisException(ErrorCode.NOT_FOUND, "error.NOT_FOUND");
    }
    return d;
  }

  /** The member's details when the caller may change its local fields: itself only. */
  MemberDetails changeable(CurrentUser caller, String memberNo) {
    MemberDetails d = visible(caller, memberNo);
    if (!mayChange(caller, d)) {
      throw new CmisException(ErrorCode.FORBIDDEN, "profile.error.onlySelf");
    }
    return d;
  }

  static boolean maySee(CurrentUser caller, MemberDetails d) {
    return switch (caller.role()) {
      case ADMIN -> true;
      case STAFF -> d.instituteCode().equals(caller.instituteCode());
      case FIRM -> d.firmNo() != null && d.firmNo().equals(caller.firmNo());
      case MEMBER -> d.memberNo().equals(caller.memberNo());
    };
  }

  static boolean mayChange(CurrentUser caller, MemberDetails d) {
    return d.memberNo().equals(caller.memberNo()) && caller.role() == org.cmis.shared.Role.MEMBER;
  }
}
