package org.cmis.identity.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Forwarded headers are believed only from the reverse proxies named in {@code
 * cmis.security.trusted-proxies} (ADR 0012): Tomcat's RemoteIpValve then takes the client address
 * from {@code X-Forwarded-For} and the scheme from {@code X-Forwarded-Proto} (so {@code
 * request.isSecure()} and the Secure cookies follow an HTTPS front); from anyone else both headers
 * are ignored. The default trusts only a proxy on the same machine (127.0.0.1, ::1); an empty value
 * trusts none. {@code X-Forwarded-Host} is never used: redirects are relative and mail links come
 * from {@code cmis.base-url}.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  /** Matches no address: Tomcat's client addresses are never empty. */
  private static final String NONE = "^$";

  private static final Pattern IP_LITERAL =
      Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final List<String> proxies;

  TrustedProxies(@Value("${cmis.security.trusted-proxies:127.0.0.1,::1}") List<String> proxies) {
    this.proxies = proxies;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    RemoteIpValve valve = new RemoteIpValve();
    valve.setInternalProxies(pattern(proxies));
    valve.setTrustedProxies(NONE);
    valve.setRemoteIpHeader("X-Forwarded-For");
    valve.setProtocolHeader("X-Forwarded-Proto");
    valve.setHostHeader(null);
    factory.addEngineValves(valve);
  }

  /** The addresses as the exact-match regex the valve wants, each in every form Tomcat writes. */
  static String pattern(List<String> proxies) {
    Set<String> forms = new LinkedHashSet<>();
    for (String proxy : proxies) {
      String address = proxy.trim();
      if (address.isEmpty()) {
        continue;
      }
      if (!IP_LITERAL.matcher(address).matches()) {
        // a host name would need a DNS lookup, and the valve compares addresses
        throw new IllegalArgumentException(
            "cmis.security.trusted-proxies: not an IP address: " + address);
      }
      forms.add(address);
      try {
        forms.add(InetAddress.getByName(address).getHostAddress());
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(
            "cmis.security.trusted-proxies: not an IP address: " + address, e);
      }
    }
    if (forms.isEmpty()) {
      return NONE;
    }
    return forms.stream().map(Pattern::quote).collect(Collectors.joining("|"));
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
