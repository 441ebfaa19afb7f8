package org.cmis.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** An enabled account's id and the email on record, for telling its owner something. */
@NamedInterface("contacts")
public record AccountContact(long accountId, @Nullable String email) {}
