package org.cmis.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Tomcat's error report for what it answers before the application sees the request (an invalid
 * path, a malformed request line or query, headers too large): problem+json under {@code /api}, our
 * error page elsewhere, with the security headers, in place of Tomcat's HTML page.
 */
class ContainerErrorValve extends ErrorReportValve {

  private static final Logger log = LoggerFactory.getLogger(ContainerErrorValve.class);

  private final ObjectProvider<ErrorResponses> errors;

  ContainerErrorValve(ObjectProvider<ErrorResponses> errors) {
    this.errors = errors;
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, @Nullable Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    java.util.concurrent.atomic.AtomicBoolean io =
        new java.util.concurrent.atomic.AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, io);
    if (!io.get()) {
      return;
    }
    ErrorResponses answers = errors.getIfAvailable();
    if (answers == null) {
      return;
    }
    try {
      response.setSuspended(false);
      answers.write(request, response, statusOf(throwable, status), isApi(request));
      response.finishResponse();
    } catch (Exception | LinkageError e) {
      log.warn("Could not write the error answer of {} {}", status, request.getRequestURI(), e);
    }
  }

  /**
   * Under {@code /api}; when the request line did not parse there is no path, and a bearer token or
   * a JSON {@code Accept} tells an API client.
   */
  static boolean isApi(Request request) {
    String uri = request.getRequestURI();
    if (uri != null && !uri.isEmpty()) {
      return ErrorResponses.isApi(request);
    }
    String authorization = request.getHeader("Authorization");
    String accept = request.getHeader("Accept");
    return (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7))
        || (accept != null && accept.contains("json"));
  }

  /** Bad input the container found (a parameter that does not decode) is the client's: 4xx. */
  static int statusOf(@Nullable Throwable failure, int status) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof InvalidParameterException invalid) {
        return invalid.getErrorCode() > 0 ? invalid.getErrorCode() : 400;
      }
      if (t instanceof org.apache.tomcat.util.http.fileupload.impl.SizeException) {
        return 413;
      }
    }
    return status;
  }
}
