package org.cmis.training;

/** A published class was changed or cancelled; its registrants are told (F4.9). */
public record ClassChanged(long classId, String className, boolean cancelled, String reason) {}
