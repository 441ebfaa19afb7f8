package org.cmis.notification;

import java.util.Locale;
import org.cmis.identity.PasswordResetRequested;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends the password-reset link after the request commits, through the event publication registry:
 * a failing mail server is retried later and blocks nothing. Without a mail server the link goes to
 * the message centre and the log.
 */
@Component
class PasswordResetMail {

  private final Mailer mailer;
  private final MessageCenter messages;
  private final MessageSource texts;

  PasswordResetMail(Mailer mailer, MessageCenter messages, MessageSource texts) {
    this.mailer = mailer;
    this.messages = messages;
    this.texts = texts;
  }

  @ApplicationModuleListener
  void on(PasswordResetRequested event) {
    Locale locale = Locale.SIMPLIFIED_CHINESE;
    String subject = texts.getMessage("mail.passwordReset.subject", null, locale);
    String body =
        texts.getMessage(
            "mail.passwordReset.body",
            new Object[] {event.displayName(), event.resetLink(), event.validMinutes()},
            locale);
    if (!mailer.configured()) {
      messages.post(event.accountId(), subject, body);
    }
    mailer.send(event.email(), subject, body);
  }
}
