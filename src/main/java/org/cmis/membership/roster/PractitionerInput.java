package org.cmis.membership.roster;

import org.jspecify.annotations.Nullable;

/**
 * A 从业人员 as the firm enters it (F2.5). The birth date is taken from the ID number; a gender given
 * must agree with it (blank: taken from it). Mobile, email and position may be blank.
 */
public record PractitionerInput(
    @Nullable String name,
    @Nullable String gender,
    @Nullable String idNumber,
    @Nullable String mobile,
    @Nullable String email,
    @Nullable String position) {}
