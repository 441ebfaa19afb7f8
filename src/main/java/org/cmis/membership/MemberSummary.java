package org.cmis.membership;

import org.jspecify.annotations.Nullable;

/** A member as lists show it (API.md, Members). */
public record MemberSummary(
    String memberNo,
    String name,
    MemberCategory category,
    @Nullable String firmNo,
    String position,
    String mobile,
    String email) {}
