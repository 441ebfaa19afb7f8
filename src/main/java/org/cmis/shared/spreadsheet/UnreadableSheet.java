package org.cmis.shared.spreadsheet;

import java.util.List;

/** A file that cannot be imported at all: why, and for missing columns which fields. */
public final class UnreadableSheet extends Exception {

  /** Why the file cannot be read. */
  public enum Reason {
    /** Not an .xlsx workbook (or a broken one). */
    UNREADABLE,
    /** No sheet or no header row. */
    NO_HEADER,
    /** Required columns are missing (see {@link #missing()}). */
    MISSING_COLUMNS,
    /** More data rows than the import takes. */
    TOO_MANY_ROWS,
    /** No data row. */
    EMPTY
  }

  private final Reason reason;
  private final transient List<String> missing;

  UnreadableSheet(Reason reason, List<String> missing) {
    super(reason.name(), null, false, false);
    this.reason = reason;
    this.missing = List.copyOf(missing);
  }

  UnreadableSheet(Reason reason) {
    this(reason, List.of());
  }

  public Reason reason() {
    return reason;
  }

  /** The fields of the required columns not found, in the order they were asked for. */
  public List<String> missing() {
    return missing;
  }
}
