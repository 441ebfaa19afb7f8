package org.cmis.membership.importing;

import org.jspecify.annotations.Nullable;

/** One row of a members file as read: texts as written (trimmed), yes/no columns read. */
record MemberRow(
    @Nullable String memberNo,
    @Nullable String name,
    @Nullable String gender,
    @Nullable String birthDate,
    @Nullable String idNumber,
    @Nullable String category,
    @Nullable String firmNo,
    @Nullable String instituteCode,
    @Nullable String position,
    @Nullable String mobile,
    @Nullable String email,
    @Nullable Boolean partner,
    @Nullable Boolean active) {}
