/** Internal to credits. */
@NullMarked
package org.cmis.credits.reminder;

import org.jspecify.annotations.NullMarked;
