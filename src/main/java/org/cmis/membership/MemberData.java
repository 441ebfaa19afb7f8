package org.cmis.membership;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A member as the supervision platform or an import states it: every platform-owned field
 * (MEMBER_UPSERT of API.md). {@code instituteCode} null takes the firm's; {@code idNumber}, {@code
 * partner}, {@code active}, {@code position}, {@code mobile} and {@code email} null keep what is
 * stored (a new member: none, false, true, empty): the platform need not send what it does not own.
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
    @Nullable String position,
    @Nullable String mobile,
    @Nullable String email,
    @Nullable Boolean partner,
    @Nullable Boolean active) {}
