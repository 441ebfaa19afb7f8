package org.cmis.shared;

import org.jspecify.annotations.Nullable;

/**
 * Something that changed state and belongs in the audit log (F6.2): who, what, on which entity,
 * from where, and the state before and after. The states are a map of field → value or a record
 * (the audit module stores them as one JSON object, ADR 0035); a {@code String} is stored as given
 * (it should be a JSON object too). Never put a secret (a password, a token) in a state.
 */
public record AuditEvent(
    String actor,
    String action,
    String entityType,
    String entityId,
    String clientAddress,
    @Nullable Object before,
    @Nullable Object after) {}
