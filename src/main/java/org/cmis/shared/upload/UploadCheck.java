package org.cmis.shared.upload;

import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks an upload by its content: its size, that it is not empty, and that its kind (by content,
 * agreeing with its extension) is one the use takes. Names keep only their last path segment.
 *
 * @param maxBytes the largest file taken
 * @param maxFilename the longest kept file name
 * @param types the kinds of file taken
 */
public record UploadCheck(long maxBytes, int maxFilename, Set<FileType> types) {

  /** Why an upload was refused. */
  public enum Problem {
    TOO_BIG,
    EMPTY,
    TYPE
  }

  /** A file that passed: its kept name, its kind and its bytes. */
  public record CheckedFile(String filename, FileType type, byte[] content) {}

  /** The outcome: a checked file, or the problem. */
  public record Result(@Nullable CheckedFile file, @Nullable Problem problem) {}

  public UploadCheck {
    types = Set.copyOf(types);
  }

  /** The upload checked. */
  public Result check(Upload upload) {
    if (upload.size() > maxBytes || upload.content().length > maxBytes) {
      return new Result(null, Problem.TOO_BIG);
    }
    if (upload.content().length == 0) {
      return new Result(null, Problem.EMPTY);
    }
    String name = filename(upload.filename());
    Optional<FileType> type =
        name.isEmpty()
            ? Optional.empty()
            : FileType.of(name, upload.content()).filter(types::contains);
    return type.isEmpty()
        ? new Result(null, Problem.TYPE)
        : new Result(new CheckedFile(name, type.get(), upload.content()), null);
  }

  /** The name a file is kept under: its last path segment, without control characters. */
  public String filename(String original) {
    return FileNames.kept(original, maxFilename);
  }
}
