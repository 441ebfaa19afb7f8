package org.cmis.training;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A confirmed registration's attendance was recorded or changed (F5.1): by staff marking it, or by
 * the member's self check-in completing every training day. Published in the transaction that
 * changed it, only when the value changed (the same value twice publishes nothing). {@code credits}
 * posts the class hours on ATTENDED and a reversal on a change back to ABSENT; it posts
 * idempotently on the registration, so a delivery repeated after a restart posts nothing more;
 * deliveries run on several threads and may come in any order, so it applies the change of the
 * highest {@code version} and ignores an older one.
 *
 * @param year the class's training year (the ledger's year of the entry)
 * @param date the day the hours are dated (the class's last training day)
 * @param attended true for ATTENDED, false for ABSENT
 * @param hours the class's hours (granted on ATTENDED)
 * @param ethicsHours of which professional ethics (职业道德)
 * @param version how many times this registration's attendance has changed, this change included
 */
public record AttendanceRecorded(
    long registrationId,
    long classId,
    String className,
    String memberNo,
    int year,
    LocalDate date,
    boolean attended,
    BigDecimal hours,
    BigDecimal ethicsHours,
    long version) {}
