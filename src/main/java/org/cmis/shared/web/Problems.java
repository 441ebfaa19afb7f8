package org.cmis.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.cmis.shared.CmisException;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the RFC 9457 problem+json answers of the API: {@code status}, {@code title}, {@code
 * detail}, {@code code} and, for validation, {@code errors}. Texts come from the message bundles.
 */
@Component
public class Problems {

  private final MessageSource messages;
  private final JsonMapper json;
  private final LocaleResolver locales;

  public Problems(MessageSource messages, JsonMapper json, LocaleResolver locales) {
    this.messages = messages;
    this.json = json;
    this.locales = locales;
  }

  /** The problem of a refusal. */
  public ProblemDetail of(CmisException e) {
    return of(e.code(), e.getMessage(), e.errors());
  }

  /** A problem with a message key (or text) as detail and optional field errors. */
  public ProblemDetail of(ErrorCode code, @Nullable String detail, List<FieldError> errors) {
    Locale locale = LocaleContextHolder.getLocale();
    ProblemDetail problem = ProblemDetail.forStatus(code.status());
    problem.setType(URI.create("urn:cmis:problem:" + code.name().toLowerCase(Locale.ROOT)));
    problem.setTitle(text(code.titleKey(), locale));
    problem.setDetail(detail == null ? problem.getTitle() : text(detail, locale));
    problem.setProperty("code", code.name());
    if (code == ErrorCode.BUSY) {
      io.micrometer.core.instrument.Metrics.counter("cmis.busy.answers").increment(); // ADR 0033
    }
    if (!errors.isEmpty()) {
      problem.setProperty(
          "errors",
          errors.stream()
              .map(e -> Map.of("field", e.field(), "message", text(e.message(), locale)))
              .toList());
    }
    return problem;
  }

  /**
   * The problem of an HTTP status that no refusal of ours carries, such as the container's own
   * answers: the code of that status where there is one, else MALFORMED_REQUEST for 4xx and
   * INTERNAL_ERROR for 5xx.
   */
  public ProblemDetail forStatus(int status) {
    for (ErrorCode code : ErrorCode.values()) {
      if (code.status() == status && code != ErrorCode.BAD_CREDENTIALS) {
        return of(code, null, List.of());
      }
    }
    Locale locale = LocaleContextHolder.getLocale();
    ProblemDetail problem = ProblemDetail.forStatus(status);
    String code = status < 500 ? ErrorCode.MALFORMED_REQUEST.name() : "INTERNAL_ERROR";
    problem.setType(URI.create("urn:cmis:problem:" + code.toLowerCase(Locale.ROOT)));
    problem.setTitle(text("error.page." + (status < 500 ? 400 : 500), locale));
    problem.setDetail(problem.getTitle());
    problem.setProperty("code", code);
    return problem;
  }

  /** The problem as a response entity, with Retry-After when the refusal carries one. */
  public ResponseEntity<ProblemDetail> entity(CmisException e) {
    return entity(of(e), e.retryAfter());
  }

  public ResponseEntity<ProblemDetail> entity(
      ProblemDetail problem, @Nullable Duration retryAfter) {
    ResponseEntity.BodyBuilder builder =
        ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (retryAfter != null) {
      builder.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
    }
    return builder.body(problem);
  }

  /** Writes a problem straight to a servlet response (for filters, outside Spring MVC). */
  public void write(HttpServletRequest request, HttpServletResponse response, CmisException e)
      throws IOException {
    ProblemDetail problem = inLanguageOf(request, () -> of(e));
    if (e.retryAfter() != null) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds(e.retryAfter())));
    }
    write(response, problem);
  }

  /** Writes a problem of a status (see {@link #forStatus}) in the request's language. */
  public void writeStatus(HttpServletRequest request, HttpServletResponse response, int status)
      throws IOException {
    write(response, inLanguageOf(request, () -> forStatus(status)));
  }

  /** Builds a problem in the request's language (filters run outside Spring MVC's locale). */
  private ProblemDetail inLanguageOf(HttpServletRequest request, Supplier<ProblemDetail> build) {
    Locale previous = LocaleContextHolder.getLocale();
    LocaleContextHolder.setLocale(locales.resolveLocale(request));
    try {
      return build.get();
    } finally {
      LocaleContextHolder.setLocale(previous);
    }
  }

  private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    json.writeValue(response.getOutputStream(), body);
  }

  private static long seconds(Duration duration) {
    return Math.max(1, (duration.toMillis() + 999) / 1000);
  }

  private String text(String keyOrText, Locale locale) {
    return messages.getMessage(keyOrText, null, keyOrText, locale);
  }
}
