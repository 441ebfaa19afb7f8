package org.cmis.training;

import java.util.List;

/**
 * People were registered for a class in one request: a member itself, or a firm's or the
 * organiser's list (F4.1, F4.2, F4.8). Each is PENDING, CONFIRMED (AUTO mode) or WAITLISTED. One
 * event for the whole request, so that a firm's 500 people cost one event publication.
 */
public record PeopleRegistered(long classId, String className, List<Registrant> people) {}
