package org.cmis.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * The pages' CSRF token (ADR 0012): before the sign-in, when there is no session and none must be
 * made for it, in the HttpOnly cookie {@value SecurityConfiguration#CSRF_COOKIE} (double submit,
 * enough for the sign-in and forgot-password forms); once a session exists, in the session, so a
 * cookie planted in the browser cannot stand in for it. The sign-in drops the cookie's token.
 */
final class SignInCsrfTokenRepository implements CsrfTokenRepository {

  private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();
  private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

  SignInCsrfTokenRepository() {
    cookie.setCookieName(SecurityConfiguration.CSRF_COOKIE);
    cookie.setCookieCustomizer(c -> c.sameSite("Lax").path("/"));
  }

  @Override
  public CsrfToken generateToken(HttpServletRequest request) {
    return session.generateToken(request);
  }

  @Override
  public void saveToken(
      @Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
    boolean inSession = request.getSession(false) != null;
    if (token == null) {
      if (inSession) {
        session.saveToken(null, request, response);
      }
      cookie.saveToken(null, request, response);
    } else if (inSession) {
      session.saveToken(token, request, response);
    } else {
      cookie.saveToken(token, request, response);
    }
  }

  @Override
  public @Nullable CsrfToken loadToken(HttpServletRequest request) {
    return request.getSession(false) != null
        ? session.loadToken(request)
        : cookie.loadToken(request);
  }
}
