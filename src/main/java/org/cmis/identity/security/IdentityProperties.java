package org.cmis.identity.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The configurable numbers of sign-in and tokens ({@code cmis.security.*}). */
@ConfigurationProperties("cmis.security")
public record IdentityProperties(
    @DefaultValue Captcha captcha,
    @DefaultValue Lockout lockout,
    @DefaultValue AddressThrottle addressThrottle,
    @DefaultValue("8h") Duration tokenTtl,
    @DefaultValue("2m") Duration tokenCacheTtl,
    @DefaultValue("30m") Duration resetLinkTtl) {

  /** The sign-in captcha; off only for automated test environments. */
  public record Captcha(@DefaultValue("true") boolean enabled, @DefaultValue("2m") Duration ttl) {}

  /** Failures in a row that lock an account, and for how long. */
  public record Lockout(
      @DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration duration) {}

  /** Failures per client address allowed in one window before it is refused. */
  public record AddressThrottle(
      @DefaultValue("30") int maxFailures, @DefaultValue("1m") Duration window) {}
}
