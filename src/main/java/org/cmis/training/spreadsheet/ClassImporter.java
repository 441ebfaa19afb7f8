package org.cmis.training.spreadsheet;

import java.util.List;
import java.util.Set;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.Role;
import org.cmis.shared.spreadsheet.AllOrNothing;
import org.cmis.shared.spreadsheet.ImportReport;
import org.cmis.shared.spreadsheet.ParsedRow;
import org.cmis.training.catalog.ClassInput;
import org.cmis.training.catalog.ClassService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Imports classes all or nothing (F3.7, with the shared {@link AllOrNothing}): every row goes
 * through {@link ClassService#create} (its rules, its scope, its audit); when any row is refused
 * nothing is created.
 */
@Service
class ClassImporter {

  private static final Set<String> LISTED =
      Set.of("audiences", "restriction", "mode", "confirmationMode");

  private final ClassService classes;
  private final AllOrNothing allOrNothing;

  ClassImporter(ClassService classes, PlatformTransactionManager transactions) {
    this.classes = classes;
    this.allOrNothing = new AllOrNothing(transactions, "transfer.row.rejected");
  }

  public ImportReport importAll(CurrentUser staff, List<ParsedRow<ClassInput>> rows) {
    if (!staff.is(Role.STAFF) || staff.instituteCode() == null) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
    return allOrNothing.run(rows, input -> classes.create(staff, input), ClassImporter::withValues);
  }

  /** "取值无效" of a column with a fixed list of values says which values it takes. */
  private static FieldError withValues(FieldError e) {
    return e.message().equals("class.enum") && LISTED.contains(e.field())
        ? new FieldError(e.field(), "transfer.value.enum." + e.field())
        : e;
  }
}
