package org.cmis.shared.upload;

/** The names uploaded files are kept under. */
public final class FileNames {

  private FileNames() {}

  /**
   * The last path segment of a browser's file name, without control characters and quotes, at most
   * {@code max} characters long (the extension kept when it is cut).
   */
  public static String kept(String original, int max) {
    String name = original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
    if (name.length() > max) {
      int dot = name.lastIndexOf('.');
      String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
      name = name.substring(0, max - extension.length()) + extension;
    }
    return name;
  }
}
