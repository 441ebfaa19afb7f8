package org.cmis.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import org.cmis.identity.signin.SessionSignIn;
import org.springframework.web.filter.OncePerRequestFilter;

/** Sends an account whose password must be changed to the change page before anything else. */
class MustChangePasswordFilter extends OncePerRequestFilter {

  private static final Set<String> ALLOWED =
      Set.of("/password/change", "/logout", "/login", "/error", "/captcha.png");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (session != null
        && session.getAttribute(SessionSignIn.MUST_CHANGE_PASSWORD) != null
        && !ALLOWED.contains(path)
        && !path.startsWith("/css/")
        && !path.startsWith("/js/")) {
      response.sendRedirect(request.getContextPath() + "/password/change");
      return;
    }
    chain.doFilter(request, response);
  }
}
