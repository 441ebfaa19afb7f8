package org.cmis.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A browser-like conversation with the pages through MockMvc: keeps the session cookie (sessions
 * live in PostgreSQL through Spring Session) and sends every request from one client address.
 */
public class WebSession {

  private final MockMvcTester mvc;
  private final String address;
  private final Map<String, Cookie> cookies = new LinkedHashMap<>();

  public WebSession(MockMvcTester mvc) {
    this(mvc, TestAccounts.address());
  }

  public WebSession(MockMvcTester mvc, String address) {
    this.mvc = mvc;
    this.address = address;
  }

  public MvcTestResult get(String uri) {
    return send(mvc.get().uri(uri));
  }

  /** A form POST with a valid CSRF token and the given name/value pairs. */
  public MvcTestResult post(String uri, String... nameValues) {
    MockMvcRequestBuilder request = mvc.post().uri(uri).with(csrf());
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      request = request.param(nameValues[i], nameValues[i + 1]);
    }
    return send(request);
  }

  /** Signs in through the page (the test profile switches the captcha off). */
  public MvcTestResult signIn(String userType, String account, String password) {
    return post("/login", "userType", userType, "account", account, "password", password);
  }

  public MvcTestResult send(MockMvcRequestBuilder request) {
    MockMvcRequestBuilder withState =
        request.with(
            r -> {
              r.setRemoteAddr(address);
              return r;
            });
    if (!cookies.isEmpty()) {
      withState = withState.cookie(cookies.values().toArray(Cookie[]::new));
    }
    MvcTestResult result = withState.exchange();
    for (Cookie cookie : result.getResponse().getCookies()) {
      keep(cookie.getName(), cookie.getValue(), cookie.getMaxAge() == 0);
    }
    // Spring Session writes its cookie as a raw Set-Cookie header.
    for (String header : result.getResponse().getHeaders("Set-Cookie")) {
      String pair = header.split(";", 2)[0];
      int eq = pair.indexOf('=');
      if (eq > 0) {
        keep(
            pair.substring(0, eq).trim(),
            pair.substring(eq + 1).trim(),
            header.contains("Max-Age=0"));
      }
    }
    return result;
  }

  private void keep(String name, String value, boolean expired) {
    if (expired || value.isEmpty()) {
      cookies.remove(name);
    } else {
      cookies.put(name, new Cookie(name, value));
    }
  }

  public boolean hasCookie(String name) {
    return cookies.containsKey(name);
  }

  /** The value of a cookie the server set, or an exception when it set none. */
  public String cookie(String name) {
    Cookie cookie = cookies.get(name);
    if (cookie == null) {
      throw new IllegalStateException("no cookie " + name);
    }
    return cookie.getValue();
  }

  public String address() {
    return address;
  }
}
