package org.cmis.identity;

import org.jspecify.annotations.Nullable;

/** An enabled account's id and the email on record, for telling its owner something. */
public record AccountContact(long accountId, @Nullable String email) {}
