package org.cmis.membership;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** One changed field of a member (API.md: {@code at, by, field, from, to}; ID numbers masked). */
public record HistoryEntry(
    OffsetDateTime at, String by, String field, @Nullable String from, @Nullable String to) {}
