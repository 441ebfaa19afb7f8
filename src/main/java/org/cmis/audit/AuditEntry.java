package org.cmis.audit;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** One line of the audit log. */
public record AuditEntry(
    long id,
    OffsetDateTime occurredAt,
    String actor,
    String action,
    String entityType,
    String entityId,
    String clientAddress,
    @Nullable String before,
    @Nullable String after) {}
