package org.cmis.identity.captcha;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.cmis.identity.security.IdentityProperties;
import org.cmis.settings.Settings;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Issues a fresh captcha per attempt and checks it once, without a server session (ADR 0012): the
 * challenge travels in the {@value #COOKIE} cookie as a random nonce, its expiry, an HMAC of both
 * (the ticket's seal, which proves the server issued it) and an HMAC of both with the answer, so
 * the answer itself is never sent and a GET of the image stores nothing. A checked ticket is used
 * up: once its seal and expiry hold, its nonce is kept in {@code captcha_spent} until it would have
 * expired ({@code cmis.security.captcha.ttl}), so only answered genuine tickets take a row, for two
 * minutes; a forged ticket is refused without touching the table. The key is one random row shared
 * by every instance.
 */
@Service
public class CaptchaService {

  /** The cookie that carries the pending challenge. */
  public static final String COOKIE = "CMIS_CAPTCHA";

  private static final Pattern TICKET =
      Pattern.compile("[A-Za-z0-9_-]{22}\\.[0-9]{1,12}\\.[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{43}");

  /** What the seal signs before the nonce and expiry, so no seal is ever an answer's HMAC. */
  private static final String SEAL = "seal:";

  private static final Pattern ANSWER = Pattern.compile("[0-9]{1,3}");
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

  private final CaptchaGenerator generator = new CaptchaGenerator();
  private final SecureRandom random = new SecureRandom();
  private final IdentityProperties properties;
  private final Clock clock;
  private final JdbcClient jdbc;
  private final Settings settings;
  private final boolean testEnvironment;
  private volatile byte @Nullable [] key;

  public CaptchaService(
      IdentityProperties properties,
      Clock clock,
      JdbcClient jdbc,
      Settings settings,
      Environment environment) {
    this.properties = properties;
    this.clock = clock;
    this.jdbc = jdbc;
    this.settings = settings;
    this.testEnvironment = environment.acceptsProfiles(Profiles.of("test"));
  }

  /**
   * Whether sign-in asks the captcha: the administrator's setting ({@code
   * security.captcha.enabled}, F6.3), else {@code cmis.security.captcha.enabled}. Read per call, so
   * every instance follows a change at once.
   */
  public boolean enabled() {
    return settings
        .stored("security.captcha.enabled")
        .map(v -> !v.equals("false"))
        .orElse(properties.captcha().enabled());
  }

  /**
   * Whether the captcha is off outside an automated test environment (profile {@code test}): the
   * sign-in page and the settings page then say so, for it must never be off in production.
   */
  public boolean offOutsideTests() {
    return !testEnvironment && !enabled();
  }

  /** A new challenge, replacing any earlier one in the cookie; answers its PNG image. */
  public byte[] issue(HttpServletRequest request, HttpServletResponse response) {
    CaptchaChallenge challenge = generator.next();
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    long expires = clock.instant().plus(properties.captcha().ttl()).getEpochSecond();
    String unsigned = BASE64.encodeToString(nonce) + "." + expires;
    String ticket = unsigned + "." + seal(unsigned) + "." + mac(unsigned, challenge.answer());
    response.addHeader(
        "Set-Cookie",
        ResponseCookie.from(COOKIE, ticket)
            .path("/")
            .httpOnly(true)
            .secure(request.isSecure())
            .sameSite("Lax")
            .maxAge(properties.captcha().ttl())
            .build()
            .toString());
    return CaptchaImage.png(challenge.expression(), random);
  }

  /** Whether the answer is right; the challenge is used up either way. */
  public boolean check(HttpServletRequest request, String answer) {
    if (!enabled()) {
      return true;
    }
    String ticket = ticket(request);
    if (ticket == null) {
      return false;
    }
    int lastDot = ticket.lastIndexOf('.');
    String sealed = ticket.substring(0, lastDot);
    int sealDot = sealed.lastIndexOf('.');
    String unsigned = sealed.substring(0, sealDot);
    if (!MessageDigest.isEqual(ascii(seal(unsigned)), ascii(sealed.substring(sealDot + 1)))) {
      return false; // not issued here: refused before anything is stored
    }
    String nonce = unsigned.substring(0, unsigned.indexOf('.'));
    Instant expires = Instant.ofEpochSecond(Long.parseLong(unsigned.substring(nonce.length() + 1)));
    Instant now = clock.instant();
    if (now.isAfter(expires) || expires.isAfter(now.plus(properties.captcha().ttl()))) {
      return false;
    }
    if (!spend(nonce, expires, now)) {
      return false; // answered before: a replayed ticket
    }
    String trimmed = answer.trim();
    if (!ANSWER.matcher(trimmed).matches()) {
      return false;
    }
    byte[] expected = ascii(mac(unsigned, Integer.parseInt(trimmed)));
    byte[] sent = ascii(ticket.substring(lastDot + 1));
    return MessageDigest.isEqual(expected, sent);
  }

  /** Whether the ticket of a cookie value carries this answer, without using it up (tests). */
  boolean answers(String ticket, int answer) {
    String[] parts = ticket.split("\\.");
    return parts[3].equals(mac(parts[0] + "." + parts[1], answer));
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static @Nullable String ticket(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    String found = null;
    for (Cookie cookie : cookies) {
      if (COOKIE.equals(cookie.getName())) {
        found = cookie.getValue();
      }
    }
    return found != null && TICKET.matcher(found).matches() ? found : null;
  }

  /** Records the nonce as used; false when it already was. Forgets tickets past their expiry. */
  private boolean spend(String nonce, Instant expires, Instant now) {
    jdbc.sql("delete from captcha_spent where expires_at < :now")
        .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .update();
    return jdbc.sql(
                "insert into captcha_spent (nonce, expires_at) values (:nonce, :expires)"
                    + " on conflict (nonce) do nothing")
            .param("nonce", nonce)
            .param("expires", OffsetDateTime.ofInstant(expires, ZoneOffset.UTC))
            .update()
        == 1;
  }

  /** The ticket's seal: the HMAC of its nonce and expiry alone, which the server alone can make. */
  private String seal(String unsigned) {
    return hmac(SEAL + unsigned);
  }

  /** The HMAC of the nonce and expiry with the answer. */
  private String mac(String unsigned, int answer) {
    return hmac(unsigned + "." + answer);
  }

  private String hmac(String text) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key(), "HmacSHA256"));
      return BASE64.encodeToString(hmac.doFinal(ascii(text)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  private byte[] key() {
    byte[] known = key;
    if (known == null) {
      byte[] fresh = new byte[32];
      random.nextBytes(fresh);
      jdbc.sql(
              "insert into captcha_key (id, secret) values (1, :secret) on conflict (id) do nothing")
          .param("secret", fresh)
          .update();
      known = jdbc.sql("select secret from captcha_key where id = 1").query(byte[].class).single();
      key = known;
    }
    return known;
  }
}
