package org.cmis.training;

/** The organiser's staff returned a pending or waitlisted registration with a reason (F4.4). */
public record RegistrationRejected(
    long classId, String className, Registrant registrant, String reason) {}
