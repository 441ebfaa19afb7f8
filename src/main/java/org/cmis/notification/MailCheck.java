package org.cmis.notification;

import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;

/**
 * The settings page's test mail (F6.3): sends one mail through the same sender as every other mail
 * and says what happened, so an administrator learns whether the mail server answers.
 */
@Service
public class MailCheck {

  /** What a test mail came to. */
  public enum Outcome {
    SENT,
    NOT_CONFIGURED,
    FAILED
  }

  /** The outcome and, for a failure, the mail server's words (for the administrator). */
  public record Result(Outcome outcome, String detail) {}

  private final Mailer mailer;

  MailCheck(Mailer mailer) {
    this.mailer = mailer;
  }

  public boolean configured() {
    return mailer.configured();
  }

  /** Sends the test mail now; nothing is stored in any message centre. */
  public Result send(String to, String subject, String body) {
    if (!mailer.configured()) {
      return new Result(Outcome.NOT_CONFIGURED, "");
    }
    try {
      mailer.send(to, subject, body);
      return new Result(Outcome.SENT, "");
    } catch (MailException e) {
      String detail = e.getMostSpecificCause().getMessage();
      return new Result(
          Outcome.FAILED,
          detail == null
              ? e.getClass().getSimpleName()
              : detail.substring(0, Math.min(300, detail.length())));
    }
  }
}
