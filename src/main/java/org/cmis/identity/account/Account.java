package org.cmis.identity.account;

import org.cmis.identity.LoginType;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.Role;
import org.jspecify.annotations.Nullable;

/** A sign-in account of a firm, a member, institute staff or an administrator. */
public record Account(
    long id,
    LoginType loginType,
    Role role,
    String account,
    String passwordHash,
    String displayName,
    @Nullable String instituteCode,
    @Nullable String firmNo,
    @Nullable String memberNo,
    String email,
    String mobile,
    boolean mustChangePassword,
    boolean enabled) {

  /** The principal that the session and the API carry for this account. */
  public CurrentUser toCurrentUser() {
    return new CurrentUser(id, role, account, displayName, instituteCode, firmNo, memberNo);
  }
}
