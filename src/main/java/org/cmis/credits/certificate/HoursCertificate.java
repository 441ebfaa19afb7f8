package org.cmis.credits.certificate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One issued 学时证明 (F5.7) as it was printed: the member's name and number, the year, the hours its
 * statement counted at the time ({@code completedHours}), the issuing institute and the date, under
 * its verification code. Never changed once written.
 */
record HoursCertificate(
    long id,
    String code,
    String memberNo,
    String memberName,
    int year,
    BigDecimal hours,
    String instituteCode,
    String instituteName,
    LocalDate issuedOn,
    OffsetDateTime issuedAt,
    String issuedBy) {}
