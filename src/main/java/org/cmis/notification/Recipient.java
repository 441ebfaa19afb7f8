package org.cmis.notification;

import org.jspecify.annotations.Nullable;

/** An account to tell, and the address its mail goes to (none: message centre only). */
public record Recipient(long accountId, @Nullable String email) {}
