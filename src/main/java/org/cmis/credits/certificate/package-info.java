/** Internal to credits. */
@NullMarked
package org.cmis.credits.certificate;

import org.jspecify.annotations.NullMarked;
