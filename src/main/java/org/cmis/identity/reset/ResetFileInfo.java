package org.cmis.identity.reset;

import org.cmis.shared.upload.FileType;

/** A stored scan without its bytes, for listing. */
public record ResetFileInfo(ResetFileKind kind, String filename, FileType type, int sizeBytes) {

  /** Whether the page shows it as an image (else in a frame, a PDF). */
  public boolean image() {
    return type != FileType.PDF;
  }
}
