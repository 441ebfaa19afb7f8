package org.cmis.credits;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a member's hours ledger (API.md, Hours): never changed once written. A reversal
 * entry has negative hours and names the entry it takes back in {@code reverses}.
 */
public record HourEntry(
    long id,
    LocalDate date,
    BigDecimal hours,
    BigDecimal ethicsHours,
    HourCategory category,
    HourSource source,
    @Nullable Long sourceId,
    String note,
    @Nullable Long reverses) {}
