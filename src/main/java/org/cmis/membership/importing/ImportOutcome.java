package org.cmis.membership.importing;

import java.io.Serializable;
import org.cmis.shared.spreadsheet.ImportReport;

/**
 * What an import did: the row-by-row report (its errors name the column by its Chinese header),
 * whether it only validated, and how many rows created, changed or left a record as it was (after a
 * validation only: created = new, changed = existing, unchanged = 0).
 */
public record ImportOutcome(
    ImportKind kind, ImportReport report, boolean dryRun, int created, int changed, int unchanged)
    implements Serializable {

  /** Every row passed the rules. */
  public boolean valid() {
    return report.failed() == 0;
  }

  /** Written: every row passed and the file was applied. */
  public boolean imported() {
    return report.imported();
  }
}
