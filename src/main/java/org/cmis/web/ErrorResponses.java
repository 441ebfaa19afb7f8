package org.cmis.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.cmis.shared.web.ContentSecurityPolicy;
import org.cmis.shared.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The one way an error is written outside Spring MVC's exception handling: by the request body
 * filter, the {@code /error} dispatch and Tomcat's error report valve. Problem+json under {@code
 * /api}, the error page elsewhere, both with the security headers the filter chains give every
 * answer (Tomcat resets the headers of a response before its error page, and answers some requests
 * before any filter runs).
 */
@Component
class ErrorResponses {

  private final Problems problems;
  private final ITemplateEngine templates;
  private final LocaleResolver locales;

  ErrorResponses(Problems problems, ITemplateEngine templates, LocaleResolver locales) {
    this.problems = problems;
    this.templates = templates;
    this.locales = locales;
  }

  static boolean isApi(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return uri != null && uri.startsWith((context == null ? "" : context) + "/api/");
  }

  /** Writes the answer of a status: its problem, or the error page. */
  void write(HttpServletRequest request, HttpServletResponse response, int status)
      throws IOException {
    write(request, response, status, isApi(request));
  }

  void write(HttpServletRequest request, HttpServletResponse response, int status, boolean api)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status);
    securityHeaders(request, response, api);
    if (api) {
      problems.writeStatus(request, response, status);
      return;
    }
    Locale locale = locales.resolveLocale(request);
    Context context = new Context(locale);
    context.setVariable("status", status);
    response.setContentType(MediaType.TEXT_HTML_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    Writer writer = response.getWriter();
    templates.process("error", context, writer);
    writer.flush();
  }

  /** The headers Spring Security writes on every answer of its chains. */
  static void securityHeaders(
      HttpServletRequest request, HttpServletResponse response, boolean api) {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-XSS-Protection", "0");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
    response.setHeader(HttpHeaders.PRAGMA, "no-cache");
    response.setHeader(HttpHeaders.EXPIRES, "0");
    response.setHeader(
        "Content-Security-Policy", api ? ContentSecurityPolicy.API : ContentSecurityPolicy.PAGES);
    if (!api) {
      response.setHeader("Referrer-Policy", "same-origin");
    }
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
    }
  }
}
