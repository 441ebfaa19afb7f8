package org.cmis.identity;

/**
 * Someone asked for a password-reset link for an account with an email on record. The link holds
 * the single-use secret; only its hash is stored by identity.
 */
public record PasswordResetRequested(
    long accountId, String displayName, String email, String resetLink, long validMinutes) {}
