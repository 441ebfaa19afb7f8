package org.cmis.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.coyote.BadRequestException;
import org.jspecify.annotations.Nullable;

/**
 * A request body that could not be read to its end because the connection failed (the peer closed
 * or reset it, the instance is stopping) is not a malformed request: Tomcat marks such a read
 * {@code 400}, which our error page would answer {@code MALFORMED_REQUEST} to a client that did
 * nothing wrong and must not retry. The connection is closed instead, without an answer, as a
 * connection that broke: nginx answers 502 and never resends the POST, the client may resend it
 * with its {@code Idempotency-Key} (ADR 0040, ADR 0041). A body Tomcat found malformed (bad chunk
 * framing: {@link BadRequestException}) keeps its 400, a body that stopped arriving its 408.
 */
class CutBodyValve extends ValveBase {

  CutBodyValve() {
    super(true);
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    getNext().invoke(request, response);
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (response.isError()
        && response.getStatus() == 400
        && !response.isCommitted()
        && cutBody(failure)) {
      response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, failure);
    }
  }

  /** An I/O failure of the connection, not a body the client sent wrong or too slowly. */
  static boolean cutBody(@Nullable Throwable failure) {
    if (!(failure instanceof IOException)) {
      return false;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      // ClientAbortException is a BadRequestException too: it only wraps the read's failure
      boolean badFraming = t instanceof BadRequestException && !(t instanceof ClientAbortException);
      if (badFraming || t instanceof SocketTimeoutException) {
        return false;
      }
    }
    return true;
  }
}
