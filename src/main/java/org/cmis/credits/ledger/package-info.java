/** Internal to credits. */
@NullMarked
package org.cmis.credits.ledger;

import org.jspecify.annotations.NullMarked;
