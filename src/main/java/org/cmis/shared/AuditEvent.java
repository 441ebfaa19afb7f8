package org.cmis.shared;

import org.jspecify.annotations.Nullable;

/**
 * Something that changed state and belongs in the audit log (F6.2): who, what, on which entity,
 * from where, and the state before and after (as text, usually JSON). Published by any module; the
 * audit module writes it in the same transaction.
 */
public record AuditEvent(
    String actor,
    String action,
    String entityType,
    String entityId,
    String clientAddress,
    @Nullable String before,
    @Nullable String after) {}
