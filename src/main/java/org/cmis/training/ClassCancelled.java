package org.cmis.training;

import java.util.List;

/**
 * A class was cancelled, and with it the live registrations named here (now CANCELLED), in
 * registration order; its people and their firms are told (F4.9).
 */
public record ClassCancelled(
    long classId, String className, String reason, List<Registrant> people) {}
