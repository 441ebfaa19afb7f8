/** Internal to training. */
@NullMarked
package org.cmis.training.registration;

import org.jspecify.annotations.NullMarked;
