package org.cmis.notification;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** One message in an account's message centre; {@code link} is the page it is about, if any. */
public record Message(
    long id,
    String subject,
    String body,
    OffsetDateTime createdAt,
    @Nullable OffsetDateTime readAt,
    @Nullable String link) {}
