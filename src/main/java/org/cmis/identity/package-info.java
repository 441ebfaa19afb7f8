/** Accounts, sign-in with captcha and lock-out, API tokens and password recovery (F1). */
@NullMarked
package org.cmis.identity;

import org.jspecify.annotations.NullMarked;
