package org.cmis.identity.reset;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.cmis.shared.BusinessTime;
import org.jspecify.annotations.Nullable;

/** An application as the review API answers it (staff of its institute only). */
record ApplicationView(
    String trackingNumber,
    ResetStatus status,
    String userType,
    String account,
    String applicant,
    String mobile,
    LocalDate applicationDate,
    String reason,
    String remark,
    @Nullable String returnReason,
    OffsetDateTime submittedAt,
    @Nullable OffsetDateTime openedAt,
    @Nullable String openedBy,
    @Nullable OffsetDateTime decidedAt,
    @Nullable String decidedBy,
    @Nullable OnRecord accountOnRecord,
    List<FileView> files) {

  /** The account's data on record; null when no account of that number exists. */
  record OnRecord(
      String account,
      String name,
      @Nullable String instituteCode,
      String mobile,
      String email,
      boolean enabled) {}

  /** A scan: its kind, kept name, content type by content and size in bytes. */
  record FileView(ResetFileKind kind, String filename, String contentType, int size) {}

  static ApplicationView of(ResetApplicationService.Review review) {
    ResetApplication a = review.application();
    AccountOnRecord r = review.onRecord();
    return new ApplicationView(
        a.shownNumber(),
        a.status(),
        a.userType().name(),
        a.account(),
        a.applicant(),
        a.mobile(),
        a.applicationDate(),
        a.reason(),
        a.remark(),
        a.returnReason(),
        at(a.submittedAt()),
        at(a.openedAt()),
        a.openedBy(),
        at(a.decidedAt()),
        a.decidedBy(),
        r == null
            ? null
            : new OnRecord(
                r.account(),
                r.displayName(),
                r.instituteCode(),
                r.mobile(),
                r.email(),
                r.enabled()),
        review.files().stream()
            .map(f -> new FileView(f.kind(), f.filename(), f.type().contentType(), f.sizeBytes()))
            .toList());
  }

  private static @Nullable OffsetDateTime at(@Nullable Instant instant) {
    return instant == null ? null : instant.atZone(BusinessTime.ZONE).toOffsetDateTime();
  }
}
