package org.cmis.shared.spreadsheet;

import java.util.List;
import org.cmis.shared.FieldError;

/**
 * One data row as read: its row number in Excel (the header is row 1), a label to show it by, the
 * value read and the values that could not be read (field: the column's field).
 */
public record ParsedRow<T>(int rowNumber, String label, T value, List<FieldError> errors) {

  public ParsedRow {
    errors = List.copyOf(errors);
  }
}
