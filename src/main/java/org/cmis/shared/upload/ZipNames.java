package org.cmis.shared.upload;

import java.nio.charset.StandardCharsets;

/**
 * Reads the entry names of a ZIP archive from its central directory, without inflating anything (so
 * a ZIP bomb costs nothing): enough to tell a Word document (word/…) from a workbook (xl/…).
 */
public final class ZipNames {

  private static final int END_SIGNATURE = 0x06054b50;
  private static final int ENTRY_SIGNATURE = 0x02014b50;
  private static final int END_SIZE = 22;

  private ZipNames() {}

  /** Whether the archive is an Office Open XML package with an entry under the folder. */
  public static boolean hasEntryUnder(byte[] zip, String folder) {
    int end = findEnd(zip);
    if (end < 0) {
      return false;
    }
    int count = u16(zip, end + 10);
    long offset = u32(zip, end + 16);
    boolean contentTypes = false;
    boolean inFolder = false;
    int at = (int) Math.min(offset, Integer.MAX_VALUE);
    for (int i = 0; i < count; i++) {
      if (at < 0 || at + 46 > zip.length || (int) u32(zip, at) != ENTRY_SIGNATURE) {
        return false;
      }
      int nameLength = u16(zip, at + 28);
      int extraLength = u16(zip, at + 30);
      int commentLength = u16(zip, at + 32);
      if (at + 46 + nameLength > zip.length) {
        return false;
      }
      String name = new String(zip, at + 46, nameLength, StandardCharsets.UTF_8);
      contentTypes |= name.equals("[Content_Types].xml");
      inFolder |= name.startsWith(folder);
      at += 46 + nameLength + extraLength + commentLength;
    }
    return contentTypes && inFolder;
  }

  /** The end-of-central-directory record, searched from the end (it may carry a comment). */
  private static int findEnd(byte[] zip) {
    int last = zip.length - END_SIZE;
    int first = Math.max(0, last - 0xFFFF);
    for (int i = last; i >= first; i--) {
      if ((int) u32(zip, i) == END_SIGNATURE) {
        return i;
      }
    }
    return -1;
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  private static long u32(byte[] b, int at) {
    return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xFFFFFFFFL;
  }
}
