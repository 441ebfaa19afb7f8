package org.cmis.identity.reset;

/** The three scans of an application, by the name of their multipart field. */
public enum ResetFileKind {
  SIGNED_FORM("signedForm"),
  CERTIFICATE("certificate"),
  ID_CARD("idCard");

  private final String field;

  ResetFileKind(String field) {
    this.field = field;
  }

  /** The multipart field (and form field) that carries the file. */
  public String field() {
    return field;
  }
}
