package org.cmis.identity;

/**
 * The user type chosen on the sign-in page. Administrators sign in as institute staff with their
 * own account.
 */
public enum LoginType {
  FIRM,
  MEMBER,
  STAFF
}
