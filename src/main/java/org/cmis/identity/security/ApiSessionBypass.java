package org.cmis.identity.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The JSON API is stateless (bearer tokens, the security context in a request attribute, ADR 0010):
 * Spring Session's filter, which wraps every request and response to find and save a page session
 * in PostgreSQL, is passed by for {@code /api/} requests (ADR 0040). Just before it, an API request
 * is marked as already seen by it (its own once-per-request attribute), so it hands the request on
 * untouched. Pages, {@code /error} and every other path keep it.
 */
@Configuration(proxyBeanMethods = false)
class ApiSessionBypass {

  /**
   * Spring Session's "already filtered" mark (its OncePerRequestFilter's class name and
   * ".FILTERED"): it passes a request that carries it on. ApiSessionBypassTest checks it holds.
   */
  static final String SESSION_FILTERED = SessionRepositoryFilter.class.getName() + ".FILTERED";

  @Bean
  FilterRegistrationBean<Filter> apiSessionBypassFilter() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Bypass());
    registration.addUrlPatterns("/api/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setAsyncSupported(true);
    registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
    return registration;
  }

  static final class Bypass implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
        throws IOException, ServletException {
      if (req instanceof HttpServletRequest request && isApi(request)) {
        request.setAttribute(SESSION_FILTERED, Boolean.TRUE);
      }
      chain.doFilter(req, res);
    }

    static boolean isApi(HttpServletRequest request) {
      String uri = request.getRequestURI();
      String context = request.getContextPath();
      return uri.startsWith(context) && uri.startsWith("/api/", context.length());
    }
  }
}
