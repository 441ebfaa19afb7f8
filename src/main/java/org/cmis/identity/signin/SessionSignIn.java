package org.cmis.identity.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.cmis.identity.account.Account;
import org.cmis.shared.CurrentUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Puts a signed-in account into the server-side session, under a new session id (no fixation),
 * remembering whether the password must be changed first. The session starts here, not before (ADR
 * 0012); the CSRF token of the sign-in page is dropped, so the next page gets a new one (a token
 * planted in the browser before the sign-in is worthless after it).
 */
@Component
public class SessionSignIn {

  /** Session attribute present while the account must change its password. */
  public static final String MUST_CHANGE_PASSWORD = "cmis.mustChangePassword";

  private final SecurityContextRepository repository;
  private final CsrfTokenRepository csrfTokens;

  SessionSignIn(SecurityContextRepository repository, CsrfTokenRepository csrfTokens) {
    this.repository = repository;
    this.csrfTokens = csrfTokens;
  }

  public void signIn(Account account, HttpServletRequest request, HttpServletResponse response) {
    CurrentUser user = account.toCurrentUser();
    var authentication =
        UsernamePasswordAuthenticationToken.authenticated(
            user, null, List.of(new SimpleGrantedAuthority(user.role().authority())));
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    request.getSession(true);
    request.changeSessionId();
    HttpSession session = request.getSession();
    if (account.mustChangePassword()) {
      session.setAttribute(MUST_CHANGE_PASSWORD, Boolean.TRUE);
    } else {
      session.removeAttribute(MUST_CHANGE_PASSWORD);
    }
    repository.saveContext(context, request, response);
    csrfTokens.saveToken(null, request, response);
  }
}
