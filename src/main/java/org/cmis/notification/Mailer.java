package org.cmis.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends mail through SMTP when {@code spring.mail.host} is set; otherwise only logs it (the message
 * centre keeps the copy people read).
 */
@Component
class Mailer {

  private static final Logger log = LoggerFactory.getLogger(Mailer.class);

  private final ObjectProvider<JavaMailSender> sender;
  private final String from;

  Mailer(ObjectProvider<JavaMailSender> sender, @Value("${cmis.mail.from}") String from) {
    this.sender = sender;
    this.from = from;
  }

  boolean configured() {
    return sender.getIfAvailable() != null;
  }

  /** Sends the mail, or logs it when no mail server is configured. */
  void send(String to, String subject, String body) {
    JavaMailSender mail = sender.getIfAvailable();
    if (mail == null) {
      log.info("Mail (no SMTP server configured) to {}: {}\n{}", to, subject, body);
      return;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(to);
    message.setSubject(subject);
    message.setText(body);
    mail.send(message);
  }
}
