package org.cmis.audit;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The filters of the audit log page. */
public record AuditQuery(
    String actor, String action, @Nullable LocalDate from, @Nullable LocalDate to) {}
