package org.cmis.credits.claim;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A claim as the API answers it and the pages show it (ISSUE 14): who, the work, the hours claimed
 * and granted, the status with the reviewer's reason, a close earlier claim the reviewer should
 * look at ({@code similarTo}), the ledger entry of an approval, and the evidence (without content).
 */
public record Claim(
    long id,
    String memberNo,
    String memberName,
    @Nullable String firmNo,
    String instituteCode,
    String type,
    String typeName,
    String title,
    LocalDate workDate,
    int year,
    String description,
    String identifier,
    @Nullable BigDecimal units,
    int authors,
    BigDecimal hoursClaimed,
    @Nullable BigDecimal hoursGranted,
    ClaimStatus status,
    String reason,
    @Nullable Long similarTo,
    @Nullable Long entryId,
    @Nullable OffsetDateTime submittedAt,
    @Nullable OffsetDateTime decidedAt,
    @Nullable String decidedBy,
    OffsetDateTime createdAt,
    List<Evidence> evidence) {

  /** An evidence file of a claim: served by its id, with the checked content type. */
  public record Evidence(long id, String filename, String contentType, long size) {

    /** Whether the page shows it inline as an image. */
    @JsonIgnore
    public boolean image() {
      return contentType.startsWith("image/");
    }
  }

  Claim withEvidence(List<Evidence> files) {
    return new Claim(
        id,
        memberNo,
        memberName,
        firmNo,
        instituteCode,
        type,
        typeName,
        title,
        workDate,
        year,
        description,
        identifier,
        units,
        authors,
        hoursClaimed,
        hoursGranted,
        status,
        reason,
        similarTo,
        entryId,
        submittedAt,
        decidedAt,
        decidedBy,
        createdAt,
        List.copyOf(files));
  }

  /** The claim as duplicate detection sees it. */
  Duplicates.Work work() {
    return new Duplicates.Work(
        id,
        type,
        Duplicates.identifierKey(identifier),
        Duplicates.titleKey(title),
        workDate,
        status);
  }
}
