package org.cmis.shared.web;

/**
 * The Content-Security-Policy of every answer: the security filter chains set it, and the error
 * answers the container gives before or outside them set the same.
 */
public final class ContentSecurityPolicy {

  /** Pages: our own scripts, styles and images only, never framed. */
  public static final String PAGES =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
          + " script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
          + " frame-ancestors 'none'";

  /** The JSON API: nothing to load. */
  public static final String API = "default-src 'none'";

  private ContentSecurityPolicy() {}
}
