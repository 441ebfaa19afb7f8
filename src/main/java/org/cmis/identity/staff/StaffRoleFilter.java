package org.cmis.identity.staff;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.Role;
import org.cmis.shared.web.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Enforces the staff roles on the server (ADR 0024): a {@link StaffRole#REVIEWER} may read
 * everything of its institute and confirm or return registrations, but every change of a class, a
 * notice, attendance or hours is refused, in the pages (403 page) and the API (403 FORBIDDEN),
 * before any controller runs. Runs after Spring Security has named the caller; asks the account's
 * role only for such a change by staff (one indexed query), so the role holds on every instance at
 * once.
 */
class StaffRoleFilter extends OncePerRequestFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  /** The changes a reviewer may not make: paths of the pages and of the API. */
  static final List<Pattern> TRAINING_OFFICER_ONLY =
      List.of(
          Pattern.compile("/api/v1/classes"),
          Pattern.compile("/api/v1/classes/[^/]+"),
          Pattern.compile("/api/v1/classes/[^/]+/cancel"),
          Pattern.compile("/api/v1/classes/[^/]+/attendance"),
          Pattern.compile("/api/v1/registrations/[^/]+/attendance"),
          Pattern.compile("/api/v1/members/[^/]+/hours"),
          Pattern.compile("/api/v1/hour-entries/[^/]+/reverse"),
          Pattern.compile("/manage/classes/(new|import)"),
          Pattern.compile("/manage/classes/[^/]+/(edit|publish|cancel)"),
          Pattern.compile("/manage/notices(/.*)?"),
          Pattern.compile("/manage/attendance(/.*)?"),
          Pattern.compile("/manage/hours(/.*)?"),
          Pattern.compile("/manage/external-hours(/.*)?"));

  private final JdbcClient jdbc;
  private final Problems problems;

  StaffRoleFilter(JdbcClient jdbc, Problems problems) {
    this.jdbc = jdbc;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!READS.contains(request.getMethod()) && refused(request)) {
      CmisException forbidden = new CmisException(ErrorCode.FORBIDDEN, "admin.staffRole.refused");
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (path.startsWith("/api/")) {
        problems.write(request, response, forbidden);
      } else {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
      }
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean refused(HttpServletRequest request) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null
        || !(auth.getPrincipal() instanceof CurrentUser user)
        || !user.is(Role.STAFF)) {
      return false;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (TRAINING_OFFICER_ONLY.stream().noneMatch(p -> p.matcher(path).matches())) {
      return false;
    }
    String role =
        jdbc.sql("select staff_role from account where id = :id")
            .param("id", user.accountId())
            .query(String.class)
            .optional()
            .orElse(null);
    return StaffRole.REVIEWER.name().equals(role);
  }
}
