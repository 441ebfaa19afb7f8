package org.cmis.identity.token;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /api/v1/auth/token}. */
record TokenRequest(
    @NotNull @Nullable UserType userType,
    @NotBlank @Size(max = 50) @Nullable String account,
    @NotBlank @Size(max = 128) @Nullable String password) {

  /** The API's user types; STAFF and ADMIN both sign in as institute staff. */
  enum UserType {
    FIRM,
    MEMBER,
    STAFF,
    ADMIN
  }
}
