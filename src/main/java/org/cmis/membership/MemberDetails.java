package org.cmis.membership;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Every field of a member that PRODUCT.md F2.1 names, as the personal-information page and {@code
 * GET /api/v1/members/{memberNo}} show it, with the names of its firm and institute. The ID number
 * is masked (first and last four characters) before it leaves the module: it is never shown whole.
 */
public record MemberDetails(
    String memberNo,
    String name,
    String gender,
    @Nullable LocalDate birthDate,
    @Nullable String idNumber,
    MemberCategory category,
    @Nullable String firmNo,
    @Nullable String firmName,
    String instituteCode,
    String instituteName,
    String position,
    boolean partner,
    boolean active,
    String mobile,
    String email,
    String address) {}
