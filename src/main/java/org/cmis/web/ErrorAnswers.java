package org.cmis.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.cmis.shared.CmisException;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every refusal and mistake into a clear answer: problem+json with a {@code code} under
 * {@code /api}, a Chinese error page elsewhere. Never a stack trace, never a 500 for bad input.
 */
@ControllerAdvice
class ErrorAnswers {

  private static final Logger log = LoggerFactory.getLogger(ErrorAnswers.class);

  private final Problems problems;

  ErrorAnswers(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(CmisException.class)
  Object refused(CmisException e, HttpServletRequest request, HttpServletResponse response) {
    return answer(e, request);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  Object invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
    List<FieldError> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> new FieldError(f.getField(), messageOf(f)))
            .toList();
    return answer(CmisException.validation(errors), request);
  }

  @ExceptionHandler(BindException.class)
  Object invalidParameters(BindException e, HttpServletRequest request) {
    return malformed(request);
  }

  /**
   * A body that is not the JSON asked for. A text Jackson read but {@link StrictJson} refused (a
   * NUL, a lone surrogate) is a field's validation failure; any other value of the wrong type or
   * shape is a malformed request, with the field named where Jackson knows it.
   */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof tools.jackson.core.JacksonException jackson) {
        String field = pathOf(jackson);
        if (jackson instanceof StrictJson.InvalidText) {
          return answer(
              CmisException.validation(
                  List.of(new FieldError(field.isEmpty() ? "$" : field, "error.field.text"))),
              request);
        }
        if (!field.isEmpty()) {
          return answer(
              new CmisException(
                  ErrorCode.MALFORMED_REQUEST,
                  "error.MALFORMED_REQUEST",
                  List.of(new FieldError(field, "error.field.malformed")),
                  null),
              request);
        }
        break;
      }
    }
    return malformed(request);
  }

  /** A query or form the container could not decode (invalid UTF-8, too many parameters). */
  @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
  Object undecodable(
      org.apache.tomcat.util.http.InvalidParameterException e, HttpServletRequest request) {
    if (e.getErrorCode() == 413) {
      return tooLarge(request);
    }
    return malformed(request);
  }

  @ExceptionHandler(org.springframework.http.InvalidMediaTypeException.class)
  Object invalidMediaType(HttpServletRequest request) {
    return unsupportedMediaType(request);
  }

  @ExceptionHandler({
    org.springframework.web.multipart.MultipartException.class,
    MethodArgumentTypeMismatchException.class,
    MissingServletRequestParameterException.class,
    ServletRequestBindingException.class,
    HandlerMethodValidationException.class,
    jakarta.validation.ConstraintViolationException.class
  })
  Object malformed(HttpServletRequest request) {
    return answer(
        new CmisException(ErrorCode.MALFORMED_REQUEST, "error.MALFORMED_REQUEST"), request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  Object unsupportedMediaType(HttpServletRequest request) {
    return answer(
        new CmisException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "error.UNSUPPORTED_MEDIA_TYPE"),
        request);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  Object notAcceptable(HttpServletRequest request) {
    return malformed(request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  Object methodNotAllowed(HttpServletRequest request) {
    return answer(
        new CmisException(ErrorCode.METHOD_NOT_ALLOWED, "error.METHOD_NOT_ALLOWED"), request);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  Object notFound(HttpServletRequest request) {
    return answer(new CmisException(ErrorCode.NOT_FOUND, "error.NOT_FOUND"), request);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  Object tooLarge(HttpServletRequest request) {
    return answer(
        new CmisException(ErrorCode.PAYLOAD_TOO_LARGE, "error.PAYLOAD_TOO_LARGE"), request);
  }

  @ExceptionHandler(AccessDeniedException.class)
  Object forbidden(HttpServletRequest request) {
    return answer(new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN"), request);
  }

  @ExceptionHandler({
    PessimisticLockingFailureException.class,
    QueryTimeoutException.class,
    org.springframework.jdbc.CannotGetJdbcConnectionException.class,
    org.springframework.transaction.CannotCreateTransactionException.class
  })
  Object busy(HttpServletRequest request) {
    io.micrometer.core.instrument.Metrics.counter("cmis.lock.waits").increment(); // ADR 0033
    return answer(
        new CmisException(ErrorCode.BUSY, "error.BUSY", List.of(), java.time.Duration.ofSeconds(1)),
        request);
  }

  /** A database rule refused the change: the transaction rolled back and nothing applied. */
  @ExceptionHandler(DataIntegrityViolationException.class)
  Object conflict(DataIntegrityViolationException e, HttpServletRequest request) {
    log.warn(
        "A database constraint refused a change on {}: {}",
        request.getRequestURI(),
        e.getMostSpecificCause().getMessage());
    return answer(new CmisException(ErrorCode.INVALID_STATE, "error.INVALID_STATE"), request);
  }

  @ExceptionHandler(Exception.class)
  Object unexpected(Exception e, HttpServletRequest request) throws Exception {
    if (isLockWait(e)) {
      return busy(request);
    }
    log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    if (isApi(request)) {
      ProblemDetail problem = ProblemDetail.forStatus(500);
      problem.setTitle("Internal Server Error");
      problem.setProperty("code", "INTERNAL_ERROR");
      return problems.entity(problem, null);
    }
    ModelAndView view = new ModelAndView("error");
    view.setStatus(org.springframework.http.HttpStatus.INTERNAL_SERVER_ERROR);
    view.addObject("status", 500);
    return view;
  }

  private Object answer(CmisException e, HttpServletRequest request) {
    if (isApi(request)) {
      return problems.entity(e);
    }
    ModelAndView view = new ModelAndView("error");
    view.setStatus(org.springframework.http.HttpStatus.valueOf(e.code().status()));
    view.addObject("status", e.code().status());
    if (!e.getMessage().equals(e.code().titleKey())) {
      // A specific reason; generic ones get the page's own friendlier sentence.
      view.addObject("problem", problems.of(e));
    }
    return view;
  }

  /**
   * A lock wait over the transaction's lock_timeout, a deadlock, a serialization failure or a
   * cancelled statement: the transaction rolled back, so "try again" is the honest answer.
   */
  private static boolean isLockWait(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof java.sql.SQLException sql
          && sql.getSQLState() != null
          && java.util.Set.of("55P03", "40P01", "40001", "57014").contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** The JSON path of a Jackson failure as the API names fields: {@code restrictedFirms[0]}. */
  static String pathOf(tools.jackson.core.JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (tools.jackson.core.JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  private static String messageOf(org.springframework.validation.FieldError error) {
    String message = error.getDefaultMessage();
    return message == null ? "error.VALIDATION_FAILED" : message;
  }
}
