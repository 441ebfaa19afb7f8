package org.cmis.identity.reset;

import org.cmis.shared.upload.FileType;

/** One stored scan of an application: its kind, kept name, checked type and bytes. */
record ResetFile(
    ResetFileKind kind, String filename, FileType type, int sizeBytes, byte[] content) {}
