/** Internal to credits. */
@NullMarked
package org.cmis.credits.statement;

import org.jspecify.annotations.NullMarked;
