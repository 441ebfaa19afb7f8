package org.cmis.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a client may take to send a request body (ADR 0011).
 *
 * @param bodyTimeout the whole body of a JSON or form request, from its first byte to its last; the
 *     request is answered 408 and its connection closed after it
 * @param readTimeout the longest pause between two parts of any body (multipart uploads included),
 *     Tomcat's {@code connectionUploadTimeout}
 */
@ConfigurationProperties("cmis.http")
record HttpProperties(Duration bodyTimeout, Duration readTimeout, int maxConcurrentUploads) {

  HttpProperties {
    bodyTimeout = bodyTimeout == null ? Duration.ofSeconds(20) : bodyTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    maxConcurrentUploads = maxConcurrentUploads <= 0 ? 8 : maxConcurrentUploads;
  }
}
