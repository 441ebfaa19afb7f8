package org.cmis.membership;

import java.util.Set;

/**
 * A member's fields changed (published in the changing transaction): e.g. identity keeps the
 * member's account's contact and enabled flag in step. {@code fields} are MemberData's names.
 */
public record MemberChanged(
    String memberNo, Set<String> fields, String mobile, String email, boolean active) {}
