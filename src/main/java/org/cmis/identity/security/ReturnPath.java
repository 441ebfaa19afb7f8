package org.cmis.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The page to come back to after signing in, carried in the sign-in URL ({@code
 * /login?continue=/classes}) instead of a request saved in a session (ADR 0012). Only a path of
 * this site is ever accepted: never a URL with a scheme or host, nor one the browser would read as
 * such ({@code //host}, {@code /\host}).
 */
public final class ReturnPath {

  /** The query parameter of the sign-in page. */
  public static final String PARAMETER = "continue";

  private static final int MAX_LENGTH = 2048;

  private ReturnPath() {}

  /** The sign-in page's address that comes back to this GET request's page afterwards. */
  static String signInUrlFor(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())) {
      return "/login";
    }
    String query = request.getQueryString();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String target = of(query == null ? path : path + "?" + query);
    if (target == null || target.equals("/")) {
      return "/login";
    }
    return "/login?" + PARAMETER + "=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
  }

  /** The value as a local path to redirect to, or null when it is not one. */
  public static @Nullable String of(@Nullable String value) {
    if (value == null
        || value.isEmpty()
        || value.length() > MAX_LENGTH
        || value.charAt(0) != '/'
        || value.startsWith("//")
        || value.equals("/login")
        || value.startsWith("/login?")
        || value.startsWith("/logout")) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == '\\') {
        return null;
      }
    }
    try {
      URI uri = new URI(value);
      if (uri.getScheme() != null || uri.getRawAuthority() != null) {
        return null;
      }
    } catch (URISyntaxException e) {
      return null;
    }
    return value;
  }
}
