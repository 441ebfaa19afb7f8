package org.cmis.shared;

/** What a signed-in account may do (PRODUCT.md, "Who uses it"). */
public enum Role {
  FIRM,
  MEMBER,
  STAFF,
  ADMIN;

  /** The Spring Security authority of this role. */
  public String authority() {
    return "ROLE_" + name();
  }
}
