package org.cmis.identity.token;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.OffsetDateTime;
import org.cmis.identity.LoginType;
import org.cmis.identity.account.Account;
import org.cmis.identity.signin.SignInService;
import org.cmis.shared.BusinessTime;
import org.cmis.shared.CmisException;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.Role;
import org.cmis.shared.web.ClientAddress;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST} and {@code DELETE /api/v1/auth/token} (F1.7). */
@RestController
@RequestMapping("/api/v1/auth/token")
@Tag(name = "Auth", description = "API access tokens")
class TokenRestController {

  static final String TOKEN_ATTRIBUTE = TokenRestController.class.getName() + ".token";

  private final SignInService signIn;
  private final ApiTokenService tokens;

  TokenRestController(SignInService signIn, ApiTokenService tokens) {
    this.signIn = signIn;
    this.tokens = tokens;
  }

  @PostMapping
  @Operation(summary = "Sign in and get a bearer token")
  TokenResponse create(@Valid @RequestBody TokenRequest body, HttpServletRequest request) {
    TokenRequest.UserType type = body.userType();
    LoginType loginType =
        switch (type) {
          case FIRM -> LoginType.FIRM;
          case MEMBER -> LoginType.MEMBER;
          case STAFF, ADMIN -> LoginType.STAFF;
        };
    String address = ClientAddress.of(request);
    Account account = signIn.signIn(loginType, body.account(), body.password(), address);
    if (type == TokenRequest.UserType.ADMIN && account.role() != Role.ADMIN) {
      // Same answer as a wrong password: the account is not an administrator's.
      throw new CmisException(ErrorCode.BAD_CREDENTIALS, "signin.badCredentials");
    }
    ApiTokenService.IssuedToken issued = tokens.issue(account, address);
    return new TokenResponse(
        issued.token(), "Bearer", issued.expiresAt().atZone(BusinessTime.ZONE).toOffsetDateTime());
  }

  @DeleteMapping
  @Operation(summary = "End the caller's token")
  ResponseEntity<Void> delete(HttpServletRequest request) {
    Object token = request.getAttribute(TOKEN_ATTRIBUTE);
    if (token instanceof String value) {
      tokens.revoke(value);
    }
    return ResponseEntity.noContent().build();
  }

  record TokenResponse(String token, String tokenType, OffsetDateTime expiresAt) {}
}
