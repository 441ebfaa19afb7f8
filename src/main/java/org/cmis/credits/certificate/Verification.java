package org.cmis.credits.certificate;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What anyone may learn of a certificate from its code (API.md, Hours certificate): the name partly
 * masked, the CPA number, the year, the hours it stated, the issuing institute and date, and
 * whether it has been superseded since.
 */
record Verification(
    String code,
    String name,
    String memberNo,
    int year,
    BigDecimal hours,
    String instituteName,
    LocalDate issuedOn,
    boolean superseded) {}
