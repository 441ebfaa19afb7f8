package org.cmis.credits.claim;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff's review queue in numbers, for the staff home page (F6.4: "pending claims"): web's
 * dashboard calls {@link #pendingCount}.
 */
@Service
public class ClaimQueue {

  private final ClaimRepository claims;

  ClaimQueue(ClaimRepository claims) {
    this.claims = claims;
  }

  /** How many claims of members of the institute wait for review (status PENDING). */
  @Transactional(readOnly = true)
  public long pendingCount(String instituteCode) {
    return claims.pending(instituteCode);
  }

  /** The staff home's card (F6.4): staff count their institute's claims, admin every claim. */
  @org.springframework.stereotype.Component
  static class Card implements org.cmis.shared.PendingWork {

    private final ClaimRepository claims;

    Card(ClaimRepository claims) {
      this.claims = claims;
    }

    @Override
    public String key() {
      return "claims";
    }

    @Override
    public String titleKey() {
      return "claims.home.pending";
    }

    @Override
    public String link() {
      return "/manage/claims?status=PENDING";
    }

    @Override
    @Transactional(readOnly = true)
    public long count(org.cmis.shared.CurrentUser caller) {
      if (caller.is(org.cmis.shared.Role.ADMIN)) {
        return claims.pending(null);
      }
      return caller.instituteCode() == null ? 0 : claims.pending(caller.instituteCode());
    }
  }
}
