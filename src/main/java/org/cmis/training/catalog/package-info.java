/** Internal to training. */
@NullMarked
package org.cmis.training.catalog;

import org.jspecify.annotations.NullMarked;
