package org.cmis.shared.upload;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file an upload may be. A file is taken only when its extension is one of these and
 * its content starts as that kind of file does: the extension alone is never trusted. Office files
 * must also be the right kind of package (their entry names are read without inflating anything).
 */
public enum FileType {
  PDF("application/pdf", List.of("pdf")),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx")),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx")),
  JPG("image/jpeg", List.of("jpg", "jpeg")),
  PNG("image/png", List.of("png"));

  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ZIP_MAGIC = {0x50, 0x4B, 0x03, 0x04};
  private static final byte[] JPG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A};

  private final String contentType;
  private final List<String> extensions;

  FileType(String contentType, List<String> extensions) {
    this.contentType = contentType;
    this.extensions = extensions;
  }

  /** The content type the file is served with. */
  public String contentType() {
    return contentType;
  }

  /** The kind of a file, when its extension and its content agree on one we take. */
  public static Optional<FileType> of(String filename, byte[] content) {
    int dot = filename.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String extension = filename.substring(dot + 1).toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(t -> t.extensions.contains(extension))
        .findFirst()
        .filter(t -> t.matches(content));
  }

  private boolean matches(byte[] content) {
    return switch (this) {
      case PDF -> startsWith(content, PDF_MAGIC);
      case DOCX -> startsWith(content, ZIP_MAGIC) && ZipNames.hasEntryUnder(content, "word/");
      case XLSX -> startsWith(content, ZIP_MAGIC) && ZipNames.hasEntryUnder(content, "xl/");
      case JPG -> startsWith(content, JPG_MAGIC);
      case PNG -> startsWith(content, PNG_MAGIC);
    };
  }

  private static boolean startsWith(byte[] content, byte[] magic) {
    if (content.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (content[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
