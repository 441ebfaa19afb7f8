package org.cmis.identity.reset;

import org.jspecify.annotations.Nullable;

/** The data on record of the account an application names, shown beside what was typed. */
public record AccountOnRecord(
    String account,
    String displayName,
    @Nullable String instituteCode,
    String mobile,
    String email,
    boolean enabled,
    boolean mustChangePassword) {}
