package org.cmis.credits.statement;

import org.cmis.membership.MemberDirectory;
import org.cmis.membership.MemberProfile;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.springframework.stereotype.Component;

/**
 * Who may see one member's hours (API.md, Hours): the member itself, its firm, staff of its
 * institute, admin. Anyone else gets 404, the same as for a member that does not exist, so that the
 * answer tells nothing.
 */
@Component
class HoursScope {

  private final MemberDirectory members;

  HoursScope(MemberDirectory members) {
    this.members = members;
  }

  MemberProfile visibleMember(CurrentUser caller, String memberNo) {
    MemberProfile p = memberNo.length() > 20 ? null : members.profile(memberNo).orElse(null);
    if (p == null || !maySee(caller, p)) {
      throw new CmisException(ErrorCode.NOT_FOUND, "error.NOT_FOUND");
    }
    return p;
  }

  static boolean maySee(CurrentUser caller, MemberProfile p) {
    return switch (caller.role()) {
      case ADMIN -> true;
      case STAFF -> p.instituteCode().equals(caller.instituteCode());
      case FIRM -> p.firmNo() != null && p.firmNo().equals(caller.firmNo());
      case MEMBER -> p.memberNo().equals(caller.memberNo());
    };
  }
}
