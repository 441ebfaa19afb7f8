package org.cmis.shared;

import java.util.List;

/** Several audit entries of one operation, written together (one insert, not one per entry). */
public record AuditEvents(List<AuditEvent> entries) {}
