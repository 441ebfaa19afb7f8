package org.cmis.identity.reset;

import java.time.Instant;
import java.time.LocalDate;
import org.cmis.identity.LoginType;
import org.jspecify.annotations.Nullable;

/** A stored application as staff see it (the status page shows only its status and reason). */
public record ResetApplication(
    long id,
    String trackingNumber,
    LoginType userType,
    String account,
    @Nullable Long accountId,
    @Nullable String instituteCode,
    String applicant,
    String mobile,
    LocalDate applicationDate,
    String reason,
    String remark,
    ResetStatus status,
    @Nullable String returnReason,
    Instant submittedAt,
    @Nullable Instant openedAt,
    @Nullable String openedBy,
    @Nullable Instant decidedAt,
    @Nullable String decidedBy) {

  /** The tracking number in groups of four. */
  public String shownNumber() {
    return TrackingNumbers.grouped(trackingNumber);
  }
}
