package org.cmis.credits.claim;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.cmis.shared.FieldError;
import org.cmis.shared.upload.FileType;
import org.cmis.shared.upload.Upload;
import org.cmis.shared.upload.UploadCheck;

/**
 * What a claim's evidence may be (ISSUE 14, ADR 0031): PDF, JPG or PNG by content (the extension
 * must agree), at most 5 MB each and 10 per claim, names cut to their last path segment.
 */
final class EvidenceRules {

  static final long MAX_BYTES = 5L * 1024 * 1024;
  static final int MAX_FILES = 10;
  static final int MAX_FILENAME = 200;
  static final UploadCheck CHECK =
      new UploadCheck(
          MAX_BYTES, MAX_FILENAME, EnumSet.of(FileType.PDF, FileType.JPG, FileType.PNG));

  private EvidenceRules() {}

  /**
   * The checked files of an upload to a claim that already holds {@code kept} files; every refusal
   * is added to {@code errors} (field {@code evidence}) and then nothing is taken.
   */
  static List<UploadCheck.CheckedFile> check(
      List<Upload> uploads, int kept, List<FieldError> errors) {
    List<UploadCheck.CheckedFile> files = new ArrayList<>();
    if (kept + uploads.size() > MAX_FILES) {
      errors.add(new FieldError("evidence", "claims.error.evidence.tooMany"));
      return List.of();
    }
    for (Upload upload : uploads) {
      UploadCheck.Result r = CHECK.check(upload);
      if (r.file() != null) {
        files.add(r.file());
        continue;
      }
      UploadCheck.Problem problem = r.problem() == null ? UploadCheck.Problem.TYPE : r.problem();
      String key =
          switch (problem) {
            case TOO_BIG -> "claims.error.evidence.tooBig";
            case EMPTY -> "claims.error.evidence.empty";
            case TYPE -> "claims.error.evidence.type";
          };
      errors.add(new FieldError("evidence", key));
    }
    return errors.isEmpty() ? files : List.of();
  }
}
