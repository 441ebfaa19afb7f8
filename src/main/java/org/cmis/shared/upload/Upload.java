package org.cmis.shared.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file sent with a form, before any check. A file over the limit may come without its content
 * (the page does not read it), but always with its size.
 */
public record Upload(String filename, long size, byte[] content) {

  /**
   * The chosen files of a multipart field; a file over {@code maxBytes} is passed on unread so that
   * {@link UploadCheck} refuses it, an empty unnamed one (no file chosen) is left out.
   */
  public static List<Upload> of(@Nullable List<MultipartFile> files, long maxBytes) {
    List<Upload> uploads = new ArrayList<>();
    if (files == null) {
      return uploads;
    }
    for (MultipartFile file : files) {
      String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
      if (file.isEmpty() && name.isBlank()) {
        continue;
      }
      try {
        byte[] content = file.getSize() > maxBytes ? new byte[0] : file.getBytes();
        uploads.add(new Upload(name, file.getSize(), content));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return uploads;
  }
}
