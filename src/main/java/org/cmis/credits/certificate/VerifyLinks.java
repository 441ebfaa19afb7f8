package org.cmis.credits.certificate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The absolute address of a certificate's verification page, printed under its QR code: from {@code
 * cmis.base-url} (ADR 0012: absolute links never come from the Host header).
 */
@Component
class VerifyLinks {

  private final String baseUrl;

  VerifyLinks(@Value("${cmis.base-url:http://localhost:8080}") String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** {@code <base-url>/verify/<code>}. */
  String of(String code) {
    return baseUrl + "/verify/" + code;
  }

  /** {@code <base-url><path>}, for links in messages. */
  String absolute(String path) {
    return baseUrl + path;
  }
}
