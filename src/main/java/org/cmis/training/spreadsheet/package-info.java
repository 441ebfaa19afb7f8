/** Excel export of the class list and Excel import of classes (F3.7); internal to training. */
@NullMarked
package org.cmis.training.spreadsheet;

import org.jspecify.annotations.NullMarked;
