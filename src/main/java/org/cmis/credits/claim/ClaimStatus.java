package org.cmis.credits.claim;

/**
 * Where a claim is (ISSUE 14): 草稿, 待审核, 已通过, 部分通过, 已退回 (the member may correct and resubmit), 已撤回
 * (withdrawn before review), and 已冲销 (an approval taken back with a reason, ADR 0030).
 */
public enum ClaimStatus {
  DRAFT,
  PENDING,
  APPROVED,
  PARTIAL,
  RETURNED,
  WITHDRAWN,
  REVERSED;

  /** Whether the member may still change the claim and its evidence. */
  public boolean editable() {
    return this == DRAFT || this == RETURNED;
  }

  /** Whether the claim's hours were granted (and are in the ledger). */
  public boolean granted() {
    return this == APPROVED || this == PARTIAL;
  }
}
