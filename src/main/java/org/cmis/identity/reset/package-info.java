/**
 * The manual password-reset application of seed section 四 (F1.3): a public, throttled application
 * with three content-checked scans and a tracking number, its status page, and the review by the
 * staff of the account's institute, whose approval sends a temporary password to the contact on
 * record only and ends the account's sessions and tokens (ADR 0022).
 */
@NullMarked
package org.cmis.identity.reset;

import org.jspecify.annotations.NullMarked;
