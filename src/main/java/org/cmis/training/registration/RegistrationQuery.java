package org.cmis.training.registration;

import org.cmis.training.RegistrationStatus;
import org.jspecify.annotations.Nullable;

/** Filters of a registration list: class, status, member number, firm, name fragment. */
public record RegistrationQuery(
    @Nullable Long classId,
    @Nullable RegistrationStatus status,
    @Nullable String memberNo,
    @Nullable String firmNo,
    @Nullable String name) {}
