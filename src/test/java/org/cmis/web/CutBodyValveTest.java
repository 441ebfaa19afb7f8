package org.cmis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.coyote.BadRequestException;
import org.junit.jupiter.api.Test;

/**
 * ADR 0040: which failed body reads close the connection without an answer instead of Tomcat's 400
 * (our MALFORMED_REQUEST): a broken connection, not bad framing or a stalled body.
 */
class CutBodyValveTest {

  @Test
  void aBrokenConnectionIsACutBodyBadFramingAndStallsAreNot() {
    assertThat(CutBodyValve.cutBody(new EOFException("Unexpected EOF read on the socket")))
        .isTrue();
    assertThat(CutBodyValve.cutBody(new ClientAbortException(new IOException("reset")))).isTrue();
    assertThat(CutBodyValve.cutBody(new IOException("Connection reset by peer"))).isTrue();

    assertThat(CutBodyValve.cutBody(new BadRequestException("invalid chunk header"))).isFalse();
    assertThat(CutBodyValve.cutBody(new SocketTimeoutException())).isFalse();
    assertThat(CutBodyValve.cutBody(new ClientAbortException(new SocketTimeoutException())))
        .isFalse();
    assertThat(CutBodyValve.cutBody(new IllegalStateException("not I/O"))).isFalse();
    assertThat(CutBodyValve.cutBody(null)).isFalse();
  }
}
