/**
 * Accounts, sign-in with captcha and lock-out, API tokens and password recovery (F1). Depends on
 * shared and on notification (it words and sends the password-reset mail itself).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "notification"})
package org.cmis.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
