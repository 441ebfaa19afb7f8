package org.cmis.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request whose body has been read in full by {@link PayloadLimitFilter}: the application reads
 * it from memory, and a form's parameters come from it (the container's own stream is spent).
 */
final class BufferedRequest extends HttpServletRequestWrapper {

  private byte[] body = new byte[0];
  private @Nullable Map<String, String[]> parameters;

  BufferedRequest(HttpServletRequest request) {
    super(request);
  }

  /** The body of the request or of a request it wraps, when one was read in full here. */
  static byte @Nullable [] bodyOf(ServletRequest request) {
    for (ServletRequest r = request; ; ) {
      if (r instanceof BufferedRequest buffered) {
        return buffered.body;
      }
      if (!(r instanceof ServletRequestWrapper wrapper)) {
        return null;
      }
      r = wrapper.getRequest();
    }
  }

  void body(byte[] body, @Nullable Map<String, String[]> formParameters) {
    this.body = body;
    this.parameters = formParameters == null ? null : Collections.unmodifiableMap(formParameters);
  }

  /**
   * The application goes on in the container's dispatch that follows the read ({@code ASYNC}); for
   * it, and for every filter, this is the request itself.
   */
  @Override
  public DispatcherType getDispatcherType() {
    DispatcherType type = super.getDispatcherType();
    return type == DispatcherType.ASYNC ? DispatcherType.REQUEST : type;
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        try {
          if (in.available() > 0) {
            listener.onDataAvailable();
          }
          listener.onAllDataRead();
        } catch (IOException e) {
          listener.onError(e);
        }
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    String encoding = getCharacterEncoding();
    Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    return new BufferedReader(new InputStreamReader(getInputStream(), charset));
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }

  @Override
  public @Nullable String getParameter(String name) {
    if (parameters == null) {
      return super.getParameter(name);
    }
    String[] values = parameters.get(name);
    return values == null || values.length == 0 ? null : values[0];
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    return parameters == null ? super.getParameterMap() : parameters;
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return parameters == null
        ? super.getParameterNames()
        : Collections.enumeration(parameters.keySet());
  }

  @Override
  public String @Nullable [] getParameterValues(String name) {
    if (parameters == null) {
      return super.getParameterValues(name);
    }
    String[] values = parameters.get(name);
    return values == null ? null : values.clone();
  }
}
