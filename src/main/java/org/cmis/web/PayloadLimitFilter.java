package org.cmis.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Every request body but a multipart upload is read in full before the application sees it, and
 * counted as it is read, whatever its framing (ADR 0011):
 *
 * <ul>
 *   <li>over {@value #MAX_BYTES} bytes it is refused with 413 PAYLOAD_TOO_LARGE as soon as the
 *       count passes the limit (a {@code Content-Length} over it, at once) and the connection is
 *       closed;
 *   <li>under Tomcat it is read without holding a worker thread (Servlet non-blocking input), so
 *       that slow senders cannot take the workers from everyone else, and a body not complete
 *       within {@code cmis.http.body-timeout} is answered 408 and its connection closed;
 *   <li>a form's parameters are decoded from it, and a query or form that does not decode, or a
 *       body with a wildcard or invalid {@code Content-Type}, is answered 400 or 415 here, not with
 *       a 500 deeper in.
 * </ul>
 *
 * Multipart uploads keep the container's own limits ({@code spring.servlet.multipart.*}, counted as
 * read) and the pause bound of {@code cmis.http.read-timeout}; the container reads them on a worker
 * thread, so at most {@code cmis.http.max-concurrent-uploads} are read at once and the rest are
 * answered 503 BUSY at once: slow uploads can hold those workers, never all of them. In production
 * nginx buffers every body in front (README, deploy/nginx).
 *
 * <p>A body that has arrived whole with its headers (the usual small JSON) is read at once on the
 * request's own thread: only a body still on its way is read asynchronously.
 */
class PayloadLimitFilter implements Filter {

  static final long MAX_BYTES = 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(PayloadLimitFilter.class);
  private static final String SEEN = PayloadLimitFilter.class.getName() + ".SEEN";
  private static final int CHUNK = 8192;

  private final ErrorResponses errors;
  private final Duration bodyTimeout;
  private final Semaphore uploads;

  PayloadLimitFilter(ErrorResponses errors, Duration bodyTimeout, int maxConcurrentUploads) {
    this.errors = errors;
    this.bodyTimeout = bodyTimeout;
    this.uploads = new Semaphore(maxConcurrentUploads);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest request)
        || !(res instanceof HttpServletResponse response)
        || request.getDispatcherType() != DispatcherType.REQUEST
        || request.getAttribute(SEEN) != null) {
      chain.doFilter(req, res);
      return;
    }
    request.setAttribute(SEEN, Boolean.TRUE);
    if (!acceptableContentType(request)) {
      refuse(request, response, 415);
      return;
    }
    if (!hasBody(request)) {
      if (parametersDecode(request)) {
        chain.doFilter(request, response);
      } else {
        refuse(request, response, 400);
      }
      return;
    }
    MediaType type = mediaType(request);
    boolean multipart = type != null && MediaType.MULTIPART_FORM_DATA.includes(type);
    if (multipart) {
      // Its parameters come with its parts: the query alone is checked here.
      if (!queryDecodes(request)) {
        refuse(request, response, 400);
      } else if (!uploads.tryAcquire()) {
        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        refuse(request, response, 503);
      } else {
        try {
          chain.doFilter(request, response);
        } finally {
          uploads.release();
        }
      }
      return;
    }
    if (request.getContentLengthLong() > MAX_BYTES) {
      refuse(request, response, 413);
      return;
    }
    boolean form = type != null && MediaType.APPLICATION_FORM_URLENCODED.includes(type);
    if (!form && !parametersDecode(request)) {
      refuse(request, response, 400);
      return;
    }
    Body body = new Body(request, form);
    if (request.isAsyncSupported() && nonBlocking(request)) {
      // What has arrived with the headers (the usual small JSON, whole) is read at once on this
      // thread; only a body still on its way is read asynchronously (ADR 0040).
      int status = body.readArrived(request);
      if (status > 0) {
        refuse(request, response, status);
        return;
      }
      if (status == 0) {
        chain.doFilter(body.wrapper, response);
        return;
      }
      AsyncContext async = request.startAsync(body.wrapper, response);
      async.setTimeout(bodyTimeout.toMillis());
      Reader reader = new Reader(async, request, response, body);
      async.addListener(reader);
      request.getInputStream().setReadListener(reader);
      return;
    }
    // Bodies already here (whole with the headers, or in memory under MockMvc): read at once,
    // with the same limit.
    int status = body.readAll(request.getInputStream());
    if (status != 0) {
      refuse(request, response, status);
      return;
    }
    chain.doFilter(body.wrapper, response);
  }

  /**
   * A wildcard or unparseable {@code Content-Type} on a request that may carry a body: Spring's
   * message reading refuses to build headers from it (an IllegalArgumentException, a 500).
   */
  private static boolean acceptableContentType(HttpServletRequest request) {
    String contentType = request.getContentType();
    String method = request.getMethod();
    if (contentType == null
        || "GET".equals(method)
        || "HEAD".equals(method)
        || "OPTIONS".equals(method)) {
      return true;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return !type.isWildcardType() && !type.isWildcardSubtype();
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  private static @Nullable MediaType mediaType(HttpServletRequest request) {
    try {
      return request.getContentType() == null
          ? null
          : MediaType.parseMediaType(request.getContentType());
    } catch (InvalidMediaTypeException e) {
      return null;
    }
  }

  private static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
  }

  /** Tomcat's own input stream, which can be read without a thread. */
  private static boolean nonBlocking(HttpServletRequest request) throws IOException {
    return request.getInputStream().getClass().getName().startsWith("org.apache.catalina.");
  }

  /**
   * Tomcat decodes the query (and a form body) on first use and throws when it cannot; a NUL in a
   * value is refused too (PostgreSQL cannot store it).
   */
  private static boolean parametersDecode(HttpServletRequest request) {
    try {
      return FormParameters.acceptable(request.getParameterMap());
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private static boolean queryDecodes(HttpServletRequest request) {
    try {
      FormParameters.parse(
          request.getQueryString(), StandardCharsets.UTF_8, new byte[0], StandardCharsets.UTF_8);
      return true;
    } catch (FormParameters.Malformed e) {
      return false;
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, int status)
      throws IOException {
    response.setHeader("Connection", "close");
    errors.write(request, response, status);
  }

  /** The body as read so far, and the request that will carry it. */
  private static final class Body {

    private final HttpServletRequest request;
    private final boolean form;
    private final BufferedRequest wrapper;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Body(HttpServletRequest request, boolean form) {
      this.request = request;
      this.form = form;
      this.wrapper = new BufferedRequest(request);
    }

    /** False when the limit is passed. */
    boolean add(byte[] chunk, int length) {
      if (bytes.size() + (long) length > MAX_BYTES) {
        return false;
      }
      bytes.write(chunk, 0, length);
      return true;
    }

    /** 0 when the body is complete and usable, else the status of its refusal. */
    int complete() {
      byte[] content = bytes.toByteArray();
      Map<String, String[]> parameters = null;
      if (form) {
        try {
          parameters =
              FormParameters.parse(
                  request.getQueryString(), StandardCharsets.UTF_8, content, charset());
        } catch (FormParameters.Malformed e) {
          return 400;
        }
      }
      wrapper.body(content, parameters);
      return 0;
    }

    /**
     * Reads what the container holds already, without blocking: Tomcat's {@code available()} is 1
     * (not a count) until its own buffer is filled, and a read after a positive {@code available()}
     * takes only the bytes already received. Answers 0 when the body is complete and usable, a
     * refusal's status, or -1 when more is still to come (read the rest asynchronously).
     */
    int readArrived(HttpServletRequest request) throws IOException {
      long length = request.getContentLengthLong();
      if (length <= 0) {
        return -1; // chunked: read as it comes
      }
      InputStream in = request.getInputStream();
      byte[] chunk = new byte[(int) Math.min(CHUNK, length)];
      while (bytes.size() < length && in.available() > 0) {
        int n = in.read(chunk, 0, (int) Math.min(chunk.length, length - bytes.size()));
        if (n < 0) {
          break;
        }
        if (!add(chunk, n)) {
          return 413;
        }
      }
      return bytes.size() < length ? -1 : complete();
    }

    int readAll(InputStream in) throws IOException {
      byte[] chunk = new byte[CHUNK];
      for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
        if (!add(chunk, n)) {
          return 413;
        }
      }
      return complete();
    }

    private Charset charset() {
      String encoding = request.getCharacterEncoding();
      try {
        return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding.strip());
      } catch (IllegalArgumentException e) {
        return StandardCharsets.UTF_8;
      }
    }
  }

  /** Reads the body as it arrives, then lets the application go on in a dispatch of its own. */
  private final class Reader implements ReadListener, AsyncListener {

    private final AsyncContext async;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Body body;
    private final AtomicBoolean done = new AtomicBoolean();
    private final byte[] chunk = new byte[CHUNK];

    Reader(
        AsyncContext async, HttpServletRequest request, HttpServletResponse response, Body body) {
      this.async = async;
      this.request = request;
      this.response = response;
      this.body = body;
    }

    @Override
    public void onDataAvailable() throws IOException {
      ServletInputStream in = request.getInputStream();
      while (!done.get() && in.isReady()) {
        int n = in.read(chunk);
        if (n < 0) {
          return;
        }
        if (!body.add(chunk, n)) {
          finish(413);
          return;
        }
      }
    }

    @Override
    public void onAllDataRead() throws IOException {
      int status = body.complete();
      if (status != 0) {
        finish(status);
      } else if (done.compareAndSet(false, true)) {
        async.dispatch();
      }
    }

    @Override
    public void onError(Throwable t) {
      // The client went away or paused longer than the read timeout: nobody reads an answer.
      if (done.compareAndSet(false, true)) {
        log.debug("request body not read: {}", t.toString());
        async.complete();
      }
    }

    @Override
    public void onTimeout(AsyncEvent event) throws IOException {
      finish(408);
    }

    @Override
    public void onError(AsyncEvent event) {
      onError(event.getThrowable() == null ? new IOException("async error") : event.getThrowable());
    }

    @Override
    public void onComplete(AsyncEvent event) {}

    @Override
    public void onStartAsync(AsyncEvent event) {}

    private void finish(int status) throws IOException {
      if (done.compareAndSet(false, true)) {
        try {
          refuse(request, response, status);
        } finally {
          async.complete();
        }
      }
    }
  }
}
