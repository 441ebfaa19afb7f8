package org.cmis.shared;

/** Patterns for SQL {@code LIKE … ESCAPE '\'} built from what a person typed. */
public final class SqlLike {

  private SqlLike() {}

  /** A pattern matching any text that contains the value literally (%, _ and \ escaped). */
  public static String contains(String value) {
    return "%" + value.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
