package org.cmis.training;

import java.util.List;

/**
 * Waitlisted registrations moved up when places came free (F4.6), in one operation: each is now
 * PENDING, or CONFIRMED in AUTO mode.
 */
public record WaitlistPromoted(long classId, String className, List<Registrant> people) {}
