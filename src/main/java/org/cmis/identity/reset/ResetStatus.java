package org.cmis.identity.reset;

/** Where an application stands: 已提交, 审核中, 已通过, 已退回. */
public enum ResetStatus {
  SUBMITTED,
  IN_REVIEW,
  APPROVED,
  RETURNED;

  /** Whether staff may still decide it. */
  boolean open() {
    return this == SUBMITTED || this == IN_REVIEW;
  }
}
