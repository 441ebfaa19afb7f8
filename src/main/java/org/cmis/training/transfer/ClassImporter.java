package org.cmis.training.transfer;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.Role;
import org.cmis.training.catalog.ClassService;
import org.cmis.training.transfer.ClassSheetReader.ParsedRow;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports classes all or nothing (F3.7): every row goes through {@link ClassService#create} (its
 * rules, its scope, its audit) inside one transaction, each in a savepoint so that one refused row
 * does not hide the others' errors; when any row is refused the whole transaction rolls back and
 * nothing is created.
 */
@Service
class ClassImporter {

  /** A refused field of a row (field empty for the whole row); the message is a key. */
  record RowError(String field, String message) implements Serializable {}

  /** One row's outcome. */
  record RowResult(int rowNumber, String name, boolean ok, List<RowError> errors)
      implements Serializable {}

  /**
   * The outcome of an import: imported is true only when every row was created. Serializable: it is
   * shown once more after the redirect, through the session.
   */
  record Report(List<RowResult> rows, boolean imported) implements Serializable {
    public long failed() {
      return rows.stream().filter(r -> !r.ok()).count();
    }

    public int total() {
      return rows.size();
    }
  }

  private static final Set<String> LISTED =
      Set.of("audiences", "restriction", "mode", "confirmationMode");

  private final ClassService classes;
  private final TransactionTemplate savepoint;

  ClassImporter(ClassService classes, PlatformTransactionManager transactions) {
    this.classes = classes;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  @Transactional
  public Report importAll(CurrentUser staff, List<ParsedRow> rows) {
    if (!staff.is(Role.STAFF) || staff.instituteCode() == null) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
    List<RowResult> results = new ArrayList<>();
    boolean allOk = true;
    for (ParsedRow row : rows) {
      List<FieldError> errors = new ArrayList<>(row.errors());
      if (errors.isEmpty()) {
        errors.addAll(create(staff, row));
      } else {
        // A value that could not be read is reported with whatever else the rules find wrong.
        errors.addAll(others(create(staff, row), errors));
      }
      if (!errors.isEmpty()) {
        allOk = false;
      }
      results.add(
          new RowResult(
              row.rowNumber(),
              row.name(),
              errors.isEmpty(),
              new ArrayList<>(
                  errors.stream().map(e -> new RowError(e.field(), e.message())).toList())));
    }
    if (!allOk) {
      TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
    }
    return new Report(new ArrayList<>(results), allOk);
  }

  /** Creates the row's class in a savepoint; its refusals, or none. */
  private List<FieldError> create(CurrentUser staff, ParsedRow row) {
    try {
      savepoint.executeWithoutResult(
          status -> {
            classes.create(staff, row.input());
            if (!row.errors().isEmpty()) {
              status.setRollbackOnly(); // checked only: the row is refused anyway
            }
          });
      return List.of();
    } catch (CmisException e) {
      return e.errors().isEmpty()
          ? List.of(new FieldError("", e.getMessage()))
          : e.errors().stream().map(ClassImporter::withValues).toList();
    } catch (DataAccessException e) {
      return List.of(new FieldError("", "transfer.row.rejected"));
    }
  }

  /** "取值无效" of a column with a fixed list of values says which values it takes. */
  private static FieldError withValues(FieldError e) {
    return e.message().equals("class.enum") && LISTED.contains(e.field())
        ? new FieldError(e.field(), "transfer.value.enum." + e.field())
        : e;
  }

  private static List<FieldError> others(List<FieldError> ruleErrors, List<FieldError> readErrors) {
    Set<String> read = readErrors.stream().map(FieldError::field).collect(Collectors.toSet());
    return ruleErrors.stream().filter(e -> !read.contains(e.field())).toList();
  }
}
