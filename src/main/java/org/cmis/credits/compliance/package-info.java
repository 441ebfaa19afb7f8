/** Internal to credits. */
@NullMarked
package org.cmis.credits.compliance;

import org.jspecify.annotations.NullMarked;
