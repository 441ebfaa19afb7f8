package org.cmis.shared.spreadsheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.cmis.shared.CmisException;
import org.cmis.shared.FieldError;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes the rows of an import all or nothing: every row goes through the feature's own use case
 * inside one transaction, each in a savepoint so that one refused row does not hide the others'
 * errors; when any row is refused the whole transaction rolls back and nothing is kept. A row with
 * values that could not be read is still tried (and rolled back), so that its report lists whatever
 * else the rules find wrong.
 */
public final class AllOrNothing {

  private final TransactionTemplate whole;
  private final TransactionTemplate savepoint;
  private final String rejectedKey;

  /**
   * @param transactions the transaction manager
   * @param rejectedKey the message of a row the database refused (a constraint the rules missed)
   */
  public AllOrNothing(PlatformTransactionManager transactions, String rejectedKey) {
    this.whole = new TransactionTemplate(transactions);
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.rejectedKey = rejectedKey;
  }

  /**
   * Runs {@code take} for every row; a {@link CmisException} refuses the row with its field errors,
   * each passed through {@code wording} (or with its message as a row error when it has none).
   */
  public <T> ImportReport run(
      List<ParsedRow<T>> rows, Consumer<T> take, UnaryOperator<FieldError> wording) {
    ImportReport report =
        whole.execute(
            status -> {
              List<ImportReport.RowResult> results = new ArrayList<>();
              boolean allOk = true;
              for (ParsedRow<T> row : rows) {
                List<FieldError> errors = new ArrayList<>(row.errors());
                List<FieldError> refused = take(row, take, wording);
                errors.addAll(errors.isEmpty() ? refused : others(refused, row.errors()));
                allOk &= errors.isEmpty();
                results.add(
                    new ImportReport.RowResult(
                        row.rowNumber(),
                        row.label(),
                        errors.isEmpty(),
                        errors.stream()
                            .map(e -> new ImportReport.RowError(e.field(), e.message()))
                            .toList()));
              }
              if (!allOk) {
                status.setRollbackOnly();
              }
              return new ImportReport(results, allOk);
            });
    if (report == null) {
      throw new IllegalStateException("the import's transaction gave no report");
    }
    return report;
  }

  /** Takes the row in a savepoint; its refusals, or none. */
  private <T> List<FieldError> take(
      ParsedRow<T> row, Consumer<T> take, UnaryOperator<FieldError> wording) {
    try {
      savepoint.executeWithoutResult(
          status -> {
            take.accept(row.value());
            if (!row.errors().isEmpty()) {
              status.setRollbackOnly(); // checked only: the row is refused anyway
            }
          });
      return List.of();
    } catch (CmisException e) {
      return e.errors().isEmpty()
          ? List.of(new FieldError("", e.getMessage()))
          : e.errors().stream().map(wording).toList();
    } catch (DataAccessException e) {
      return List.of(new FieldError("", rejectedKey));
    }
  }

  /** The rules' errors on the columns that could be read. */
  private static List<FieldError> others(List<FieldError> ruleErrors, List<FieldError> readErrors) {
    Set<String> read = readErrors.stream().map(FieldError::field).collect(Collectors.toSet());
    return ruleErrors.stream().filter(e -> !read.contains(e.field())).toList();
  }
}
