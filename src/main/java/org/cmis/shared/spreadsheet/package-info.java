/**
 * All-or-nothing spreadsheet imports: {@link org.cmis.shared.spreadsheet.SheetReader} reads the
 * first sheet of an .xlsx by its header names into one value per non-blank row (values that cannot
 * be read are the row's errors), {@link org.cmis.shared.spreadsheet.AllOrNothing} takes every row
 * in one transaction or none and reports each row (row, column, message). Free of any feature's
 * types: the feature maps a {@link org.cmis.shared.spreadsheet.SheetRow} to its own input and words
 * the messages.
 */
@NullMarked
package org.cmis.shared.spreadsheet;

import org.jspecify.annotations.NullMarked;
