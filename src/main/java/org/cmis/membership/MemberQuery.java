package org.cmis.membership;

import org.jspecify.annotations.Nullable;

/** Filters of the member list: firm number, category, and a name or number fragment. */
public record MemberQuery(
    @Nullable String firmNo, @Nullable MemberCategory category, @Nullable String q) {}
