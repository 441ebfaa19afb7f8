package org.cmis.membership;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What registration needs to know of a member: who, where, and whether it may take part. */
public record MemberProfile(
    String memberNo,
    String name,
    String gender,
    @Nullable LocalDate birthDate,
    MemberCategory category,
    @Nullable String firmNo,
    String instituteCode,
    boolean partner,
    String position,
    String mobile,
    String email,
    boolean active) {}
