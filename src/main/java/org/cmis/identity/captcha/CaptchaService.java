package org.cmis.identity.captcha;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import org.cmis.identity.security.IdentityProperties;
import org.springframework.stereotype.Service;

/**
 * Issues a fresh captcha per attempt and checks it once: the answer lives in the server-side
 * session (shared by every app instance), is removed on the first check and expires after {@code
 * cmis.security.captcha.ttl}.
 */
@Service
public class CaptchaService {

  private static final String ATTRIBUTE = CaptchaService.class.getName();

  private final CaptchaGenerator generator = new CaptchaGenerator();
  private final SecureRandom random = new SecureRandom();
  private final IdentityProperties properties;
  private final Clock clock;

  public CaptchaService(IdentityProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  public boolean enabled() {
    return properties.captcha().enabled();
  }

  /** A new challenge for this session, replacing any earlier one; answers its PNG image. */
  public byte[] issue(HttpSession session) {
    CaptchaChallenge challenge = generator.next();
    Instant expires = clock.instant().plus(properties.captcha().ttl());
    session.setAttribute(ATTRIBUTE, new Pending(challenge.answer(), expires));
    return CaptchaImage.png(challenge.expression(), random);
  }

  /** Whether the answer is right; the challenge is used up either way. */
  public boolean check(HttpSession session, String answer) {
    if (!enabled()) {
      return true;
    }
    Object stored = session.getAttribute(ATTRIBUTE);
    session.removeAttribute(ATTRIBUTE);
    if (!(stored instanceof Pending pending) || clock.instant().isAfter(pending.expires())) {
      return false;
    }
    return answer.trim().equals(Integer.toString(pending.answer()));
  }

  private record Pending(int answer, Instant expires) implements Serializable {}
}
