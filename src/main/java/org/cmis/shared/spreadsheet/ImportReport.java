package org.cmis.shared.spreadsheet;

import java.io.Serializable;
import java.util.List;

/**
 * The outcome of an all-or-nothing import: imported is true only when every row was taken.
 * Serializable: a page shows it once more after the redirect, through the session.
 */
public record ImportReport(List<RowResult> rows, boolean imported) implements Serializable {

  /** A refused field of a row (field empty for the whole row); the message is a key. */
  public record RowError(String field, String message) implements Serializable {}

  /** One row's outcome. */
  public record RowResult(int rowNumber, String label, boolean ok, List<RowError> errors)
      implements Serializable {

    public RowResult {
      errors = List.copyOf(errors);
    }
  }

  public ImportReport {
    rows = List.copyOf(rows);
  }

  public long failed() {
    return rows.stream().filter(r -> !r.ok()).count();
  }

  public int total() {
    return rows.size();
  }
}
