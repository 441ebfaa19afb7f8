package org.cmis.membership;

/**
 * A local institute (注协) with its support contacts: phone, mailbox and the department that answers
 * them (e.g. 考试培训部; empty when not named), shown per institute (F1.6).
 */
public record Institute(
    String code, String name, String phone, String email, String trainingDepartment) {

  /** An institute whose answering department is not named. */
  public Institute(String code, String name, String phone, String email) {
    this(code, name, phone, email, "");
  }
}
