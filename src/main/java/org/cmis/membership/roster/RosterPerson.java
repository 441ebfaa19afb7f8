package org.cmis.membership.roster;

import java.time.LocalDate;
import org.cmis.membership.MemberCategory;
import org.jspecify.annotations.Nullable;

/**
 * One person of a firm's roster as the firm sees it: every F2.1 field, the ID number masked (the
 * first and last four characters shown).
 */
public record RosterPerson(
    String memberNo,
    String name,
    String gender,
    @Nullable LocalDate birthDate,
    @Nullable String idNumber,
    MemberCategory category,
    String firmNo,
    String position,
    boolean partner,
    String mobile,
    String email,
    boolean active) {}
