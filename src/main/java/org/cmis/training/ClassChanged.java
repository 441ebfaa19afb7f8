package org.cmis.training;

import java.util.List;

/**
 * A published class was changed; the people with a live registration in it (registration order) are
 * told once per {@code version} of the class (its update time as an ISO instant).
 */
public record ClassChanged(
    long classId, String className, String version, List<Registrant> people) {}
