package org.cmis.training.spreadsheet;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cmis.shared.spreadsheet.ParsedRow;
import org.cmis.shared.spreadsheet.SheetReader;
import org.cmis.shared.spreadsheet.SheetRow;
import org.cmis.shared.spreadsheet.UnreadableSheet;
import org.cmis.training.Audience;
import org.cmis.training.catalog.ClassInput;
import org.cmis.training.catalog.TrainingClass;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Reads an uploaded .xlsx of classes with the shared {@link SheetReader}: one {@link ClassInput}
 * per non-blank data row, columns found by their Chinese headers, values of a fixed list given by
 * their Chinese names or codes. Values that cannot be read (a word in a number column) are row
 * errors; everything else is left to the class rules of ClassService.
 */
@Component
class ClassSheetReader {

  /** A file that cannot be imported at all; the message is a key of the imports bundle. */
  static final class UnreadableFile extends Exception {
    private final transient Object[] args;

    UnreadableFile(String key, Object... args) {
      super(key, null, false, false);
      this.args = args;
    }

    Object[] args() {
      return args;
    }
  }

  private static final String SEPARATORS = "[、,，;；\\s]+";

  private final MessageSource messages;
  private final SheetReader sheets;

  ClassSheetReader(MessageSource messages) {
    this.messages = messages;
    Map<String, String> headers = new LinkedHashMap<>();
    for (String field : ClassColumns.IMPORT) {
      headers.put(field, text("transfer.column." + field));
    }
    this.sheets =
        new SheetReader(headers, ClassColumns.REQUIRED, ClassColumns.MAX_ROWS, "transfer.value.");
  }

  List<ParsedRow<ClassInput>> read(InputStream in) throws UnreadableFile {
    try {
      return sheets.read(in, this::row);
    } catch (UnreadableSheet e) {
      throw switch (e.reason()) {
        case UNREADABLE -> new UnreadableFile("transfer.file.unreadable");
        case NO_HEADER -> new UnreadableFile("transfer.file.noHeader");
        case MISSING_COLUMNS ->
            new UnreadableFile(
                "transfer.file.missingColumns",
                String.join(
                    text("transfer.separator"),
                    e.missing().stream().map(f -> text("transfer.column." + f)).toList()));
        case TOO_MANY_ROWS ->
            new UnreadableFile("transfer.file.tooMany", Integer.toString(ClassColumns.MAX_ROWS));
        case EMPTY -> new UnreadableFile("transfer.file.empty");
      };
    }
  }

  private ParsedRow<ClassInput> row(SheetRow row) {
    String name = row.string("name");
    ClassInput input =
        new ClassInput(
            row.string("code"),
            name,
            row.integer("year"),
            codes(row, "audiences", Audience.values(), "transfer.audience."),
            code(row, "restriction", TrainingClass.Restriction.values(), "transfer.restriction."),
            row.list("restrictedFirms", SEPARATORS),
            code(row, "mode", TrainingClass.ClassMode.values(), "transfer.mode."),
            row.string("location"),
            row.string("teachers"),
            row.string("description"),
            row.decimal("hours"),
            row.decimal("ethicsHours"),
            row.decimal("fee"),
            row.date("registrationStart"),
            row.date("registrationEnd"),
            row.date("trainingStart"),
            row.date("trainingEnd"),
            row.date("cancellationDeadline"),
            row.integer("capacity"),
            row.integer("maxRegistrations"),
            code(
                row,
                "confirmationMode",
                TrainingClass.ConfirmationMode.values(),
                "transfer.confirmation."),
            bool(row, "waitlistEnabled"),
            bool(row, "external"),
            row.string("externalUrl"),
            bool(row, "published"));
    return row.parsed(name == null ? "" : name, input);
  }

  private @Nullable Boolean bool(SheetRow row, String field) {
    return row.bool(field, text("transfer.yes"), text("transfer.no"));
  }

  /** A value given by its Chinese name or its code; an unknown one is left to the rules. */
  private <E extends Enum<E>> @Nullable String code(
      SheetRow row, String field, E[] values, String prefix) {
    String value = row.string(field);
    return value == null ? null : codeOf(value, values, prefix);
  }

  private <E extends Enum<E>> @Nullable List<String> codes(
      SheetRow row, String field, E[] values, String prefix) {
    List<String> items = row.list(field, SEPARATORS);
    return items == null ? null : items.stream().map(v -> codeOf(v, values, prefix)).toList();
  }

  private <E extends Enum<E>> String codeOf(String value, E[] values, String prefix) {
    Map<String, String> names = new LinkedHashMap<>();
    for (E e : values) {
      names.put(text(prefix + e.name()), e.name());
    }
    return names.getOrDefault(value.trim(), value.trim());
  }

  private String text(String key) {
    return messages.getMessage(key, null, ClassWorkbooks.LOCALE);
  }
}
