package org.cmis.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** cmis.security.trusted-proxies as the exact-match pattern of Tomcat's RemoteIpValve. */
class TrustedProxiesTest {

  private static boolean trusts(List<String> proxies, String address) {
    return Pattern.compile(TrustedProxies.pattern(proxies)).matcher(address).matches();
  }

  @Test
  void theDefaultTrustsOnlyThisMachine() {
    List<String> loopback = List.of("127.0.0.1", "::1");
    assertThat(trusts(loopback, "127.0.0.1")).isTrue();
    assertThat(trusts(loopback, "0:0:0:0:0:0:0:1")).isTrue();
    assertThat(trusts(loopback, "127.0.0.2")).isFalse();
    assertThat(trusts(loopback, "10.0.0.1")).isFalse();
    assertThat(trusts(loopback, "127.0.0.10")).isFalse();
    assertThat(trusts(loopback, "127x0x0x1")).isFalse();
  }

  @Test
  void namedAddressesAreTrustedExactlyAndNoneMeansNone() {
    assertThat(trusts(List.of(" 10.1.2.3 "), "10.1.2.3")).isTrue();
    assertThat(trusts(List.of("10.1.2.3"), "10.1.2.30")).isFalse();
    assertThat(trusts(List.of(), "127.0.0.1")).isFalse();
    assertThat(trusts(List.of(""), "127.0.0.1")).isFalse();
  }

  @Test
  void aHostNameIsRefused() {
    assertThatThrownBy(() -> TrustedProxies.pattern(List.of("proxy.example")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an IP address");
  }
}
