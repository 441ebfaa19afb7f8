/**
 * Accounts, sign-in with captcha and lock-out, API tokens and password recovery (F1). Depends on
 * shared, on notification (it words and sends the password-reset mail itself), on settings
 * (lock-out and captcha settings) and on membership's events (a member made inactive cannot sign
 * in; a member's changed contact is its account's).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "notification", "settings", "membership"})
package org.cmis.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
