package org.cmis.training.notice;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A notice as a form sends it: texts as typed (dates yyyy-MM-dd), the ids of the classes to link,
 * and (when editing) the ids of the attachments to remove. The service checks every field.
 */
public record NoticeInput(
    @Nullable String title,
    @Nullable String body,
    @Nullable String publishDate,
    @Nullable String expiryDate,
    List<String> classIds,
    List<String> removeAttachmentIds) {

  public NoticeInput {
    classIds = List.copyOf(classIds);
    removeAttachmentIds = List.copyOf(removeAttachmentIds);
  }
}
