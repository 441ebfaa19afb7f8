package org.cmis.membership;

import org.jspecify.annotations.Nullable;

/**
 * A member as lists that compute per member in their own SQL need it: its number, name, category
 * and firm, nothing more ({@link MemberDirectory#scoped}), so that a scope of 100,000 members stays
 * cheap to read and to pass on.
 */
public record ScopedMember(
    String memberNo, String name, MemberCategory category, @Nullable String firmNo) {}
