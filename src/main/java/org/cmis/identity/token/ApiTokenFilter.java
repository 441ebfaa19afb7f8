package org.cmis.identity.token;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.web.Problems;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests by {@code Authorization: Bearer <token>}. A token that is unknown,
 * expired or ended answers 401 UNAUTHENTICATED at once.
 */
public class ApiTokenFilter extends OncePerRequestFilter {

  private static final String PREFIX = "Bearer ";

  private final ApiTokenService tokens;
  private final Problems problems;

  public ApiTokenFilter(ApiTokenService tokens, Problems problems) {
    this.tokens = tokens;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      chain.doFilter(request, response);
      return;
    }
    Optional<CurrentUser> user;
    try {
      user =
          header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
              ? tokens.authenticate(header.substring(PREFIX.length()).trim())
              : Optional.empty();
    } catch (DataAccessException e) {
      // No database connection within the pool's timeout: nothing was done, try again.
      problems.write(
          request,
          response,
          new CmisException(ErrorCode.BUSY, "error.BUSY", List.of(), Duration.ofSeconds(1)));
      return;
    }
    if (user.isEmpty()) {
      problems.write(
          request, response, new CmisException(ErrorCode.UNAUTHENTICATED, "error.UNAUTHENTICATED"));
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            user.get(), null, List.of(new SimpleGrantedAuthority(user.get().role().authority()))));
    SecurityContextHolder.setContext(context);
    request.setAttribute(
        TokenRestController.TOKEN_ATTRIBUTE, header.substring(PREFIX.length()).trim());
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
