/** Excel export of the class list and Excel import of classes (F3.7); internal to training. */
@NullMarked
package org.cmis.training.transfer;

import org.jspecify.annotations.NullMarked;
