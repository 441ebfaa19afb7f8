package org.cmis.training;

import org.jspecify.annotations.Nullable;

/**
 * A registration was created or changed state: registered, confirmed, returned, cancelled, promoted
 * from the waitlist. Its person and firm are told (F4.9).
 */
public record RegistrationChanged(
    long registrationId,
    long classId,
    String className,
    String memberNo,
    String memberName,
    @Nullable String firmNo,
    @Nullable RegistrationStatus previous,
    RegistrationStatus status,
    @Nullable String reason) {}
