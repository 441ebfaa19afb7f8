package org.cmis.training.notice;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cmis.shared.FieldError;
import org.cmis.shared.upload.FileType;
import org.cmis.shared.upload.UploadCheck;
import org.jspecify.annotations.Nullable;

/** The field rules of a notice form, collected so that every wrong field is told at once. */
final class NoticeRules {

  static final int MAX_TITLE = 200;
  static final int MAX_BODY = 20_000;
  static final int MAX_CLASSES = 20;

  /** The upload limit of the application (spring.servlet.multipart.max-file-size). */
  static final long MAX_ATTACHMENT_BYTES = 5L * 1024 * 1024;

  static final int MAX_ATTACHMENTS = 10;
  static final int MAX_FILENAME = 200;

  private NoticeRules() {}

  /** The checked texts and dates of a notice. */
  record Checked(
      String title,
      String body,
      @Nullable LocalDate publishDate,
      @Nullable LocalDate expiryDate,
      List<Long> classIds) {}

  static Checked check(NoticeInput in, List<FieldError> errors) {
    String title = in.title() == null ? "" : in.title().strip();
    if (title.isEmpty()) {
      errors.add(new FieldError("title", "notice.title.required"));
    } else if (title.codePointCount(0, title.length()) > MAX_TITLE) {
      errors.add(new FieldError("title", "notice.title.long"));
    }
    String body = in.body() == null ? "" : in.body().replace("\r\n", "\n");
    if (body.codePointCount(0, body.length()) > MAX_BODY) {
      errors.add(new FieldError("body", "notice.body.long"));
    }
    LocalDate publish = date(in.publishDate(), "publishDate", true, errors);
    LocalDate expiry = date(in.expiryDate(), "expiryDate", false, errors);
    if (publish != null && expiry != null && expiry.isBefore(publish)) {
      errors.add(new FieldError("expiryDate", "notice.expiryDate.beforePublish"));
    }
    return new Checked(title, body, publish, expiry, ids(in.classIds(), "classIds", errors));
  }

  /** Distinct ids in the order given; blanks are skipped, anything else is a field error. */
  static List<Long> ids(List<String> values, String field, List<FieldError> errors) {
    Set<Long> ids = new LinkedHashSet<>();
    for (String value : values) {
      if (value == null || value.isBlank()) {
        continue;
      }
      try {
        ids.add(Long.parseLong(value.strip()));
      } catch (NumberFormatException e) {
        errors.add(new FieldError(field, "notice." + field + ".invalid"));
        return List.of();
      }
    }
    if (field.equals("classIds") && ids.size() > MAX_CLASSES) {
      errors.add(new FieldError(field, "notice.classIds.tooMany"));
    }
    return new ArrayList<>(ids);
  }

  /** What a notice's attachment may be: any kind of {@link FileType}, up to 5 MB. */
  static final UploadCheck ATTACHMENTS =
      new UploadCheck(MAX_ATTACHMENT_BYTES, MAX_FILENAME, EnumSet.allOf(FileType.class));

  /** The name a file is kept under: its last path segment, without control characters. */
  static String filename(String original) {
    return ATTACHMENTS.filename(original);
  }

  private static @Nullable LocalDate date(
      @Nullable String value, String field, boolean required, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.add(new FieldError(field, "notice." + field + ".required"));
      }
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "notice.date.invalid"));
      return null;
    }
  }
}
