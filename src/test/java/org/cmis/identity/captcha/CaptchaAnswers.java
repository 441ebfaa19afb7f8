package org.cmis.identity.captcha;

/** Solves a captcha ticket the way a test may: by asking the service which answer it signs. */
public final class CaptchaAnswers {

  private CaptchaAnswers() {}

  /** The answer carried by a {@code CMIS_CAPTCHA} cookie value, without using the ticket up. */
  public static String solve(CaptchaService captcha, String ticket) {
    for (int answer = 0; answer <= 81; answer++) {
      if (captcha.answers(ticket, answer)) {
        return Integer.toString(answer);
      }
    }
    throw new IllegalStateException("no answer 0..81 fits the ticket " + ticket);
  }
}
