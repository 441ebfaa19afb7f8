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
}
