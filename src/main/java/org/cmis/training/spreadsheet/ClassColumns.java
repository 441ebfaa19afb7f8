package org.cmis.training.spreadsheet;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.cmis.training.catalog.ClassInput;

/**
 * The columns of the class workbooks (F3.7). Their header texts are the messages {@code
 * transfer.column.<field>} of the imports bundle, always in Chinese: the files are the institute's
 * official lists, and an import finds its columns by these headers.
 */
final class ClassColumns {

  /** The columns of the export: what the class list shows and filters on. */
  static final List<String> EXPORT =
      List.of(
          "code",
          "name",
          "year",
          "audiences",
          "mode",
          "location",
          "hours",
          "ethicsHours",
          "registrationStart",
          "registrationEnd",
          "trainingStart",
          "trainingEnd",
          "cancellationDeadline",
          "capacity",
          "maxRegistrations",
          "registeredCount",
          "confirmedCount",
          "status");

  /** The writable columns of the import template: the fields of ClassInput, in its order. */
  static final List<String> IMPORT =
      Arrays.stream(ClassInput.class.getRecordComponents()).map(RecordComponent::getName).toList();

  /** The import columns a file must have (the others may be left out: their defaults apply). */
  static final List<String> REQUIRED =
      List.of(
          "name",
          "audiences",
          "hours",
          "registrationStart",
          "registrationEnd",
          "trainingStart",
          "trainingEnd",
          "capacity",
          "maxRegistrations");

  /** The most data rows one import takes. */
  static final int MAX_ROWS = 1000;

  private ClassColumns() {}
}
