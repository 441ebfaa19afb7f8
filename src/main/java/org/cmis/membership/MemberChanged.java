package org.cmis.membership;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A member's fields changed (published in the changing transaction, after the change is written):
 * e.g. identity keeps the member's account's contact, name, firm, institute and enabled flag in
 * step; training moves the member's registrations to its new firm. {@code fields} are MemberData's
 * names of the fields that changed; the rest are the member's values after the change ({@code
 * firmNo} null: the member belongs to no firm).
 */
public record MemberChanged(
    String memberNo,
    Set<String> fields,
    String mobile,
    String email,
    boolean active,
    String name,
    @Nullable String firmNo,
    String instituteCode) {}
