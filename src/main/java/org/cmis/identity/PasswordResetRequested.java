package org.cmis.identity;

/**
 * Someone asked for a password-reset link for an account with an email on record. Names the token
 * by its id only: the link's single-use secret never leaves the request that made it (identity
 * stores its hash, the mail carries it), so it is not kept in the event publication registry.
 */
public record PasswordResetRequested(long accountId, long tokenId) {}
