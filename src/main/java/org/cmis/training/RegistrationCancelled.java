package org.cmis.training;

/**
 * A member or its firm cancelled a registration before the cancellation deadline (F4.5). The
 * registrations a class cancel ends are told by {@link ClassCancelled} instead.
 */
public record RegistrationCancelled(
    long classId, String className, Registrant registrant, String reason) {}
