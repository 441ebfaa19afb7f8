package org.cmis.training;

import java.util.List;

/**
 * Several registrations changed in one operation (a firm's people registered, pending ones
 * confirmed together): one event for all, so the operation writes one event publication instead of
 * one per person. Each change is told as a {@link RegistrationChanged} would be.
 */
public record RegistrationsChanged(List<RegistrationChanged> changes) {}
