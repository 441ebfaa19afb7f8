package org.cmis.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /error}, where the container sends the errors it reports itself ({@code sendError}, an
 * exception out of a filter): the same problem+json or error page as every other error, in place of
 * Boot's whitelabel page and default JSON. Asked for directly it is a page that does not exist.
 */
@Controller
class ContainerErrors implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(ContainerErrors.class);

  private final ErrorResponses errors;

  ContainerErrors(ErrorResponses errors) {
    this.errors = errors;
  }

  @RequestMapping("/error")
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (request.getDispatcherType() != DispatcherType.ERROR || !(code instanceof Integer)) {
      errors.write(request, response, 404);
      return;
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    boolean api = uri instanceof String path && path.startsWith(request.getContextPath() + "/api/");
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    int status = ContainerErrorValve.statusOf(failure, (Integer) code);
    if (status >= 500 && failure != null) {
      log.error("Unexpected error on {} {}", request.getMethod(), uri, failure);
    }
    errors.write(request, response, status, api);
  }
}
