package org.cmis.training;

import java.util.List;

/**
 * Pending registrations of a class were confirmed in one operation: by its organiser's staff, one
 * or many at once (F4.4), or automatically when a place came free in AUTO mode.
 */
public record RegistrationConfirmed(long classId, String className, List<Registrant> people) {}
