package org.cmis.shared;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in account as every module sees it: its role and the scope it acts in (its institute,
 * its firm, itself). Kept in the server-side session, so it is serializable.
 */
public record CurrentUser(
    long accountId,
    Role role,
    String account,
    String displayName,
    @Nullable String instituteCode,
    @Nullable String firmNo,
    @Nullable String memberNo)
    implements AuthenticatedPrincipal, Serializable {

  /** The principal name under which the session store indexes this account's sessions. */
  @Override
  public String getName() {
    return principalName(accountId);
  }

  /** The principal name of an account, as used by the session store. */
  public static String principalName(long accountId) {
    return "account:" + accountId;
  }

  public boolean is(Role other) {
    return role == other;
  }
}
