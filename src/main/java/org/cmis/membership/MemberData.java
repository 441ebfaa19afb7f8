package org.cmis.membership;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A member as the supervision platform or an import states it: every platform-owned field
 * (MEMBER_UPSERT of API.md). {@code instituteCode} null takes the firm's; {@code idNumber}, {@code
 * partner} and {@code active} null keep what is stored (a new member: none, false, true).
 */
public record MemberData(
    String memberNo,
    String name,
    String gender,
    @Nullable LocalDate birthDate,
    @Nullable String idNumber,
    MemberCategory category,
    @Nullable String firmNo,
    @Nullable String instituteCode,
    String position,
    String mobile,
    String email,
    @Nullable Boolean partner,
    @Nullable Boolean active) {}
