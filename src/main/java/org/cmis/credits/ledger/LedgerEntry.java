package org.cmis.credits.ledger;

import java.time.OffsetDateTime;
import org.cmis.credits.HourEntry;

/**
 * An entry as the ledger keeps it: the entry of the API with whose it is, its year, who wrote it
 * and when, and whether a later entry reverses it (then it may not be reversed again).
 */
public record LedgerEntry(
    HourEntry entry,
    String memberNo,
    int year,
    String createdBy,
    OffsetDateTime createdAt,
    boolean reversed) {

  /** Whether this entry is itself a reversal (which nobody reverses). */
  public boolean isReversal() {
    return entry.reverses() != null;
  }
}
