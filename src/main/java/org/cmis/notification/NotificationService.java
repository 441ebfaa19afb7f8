package org.cmis.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;

/**
 * Stores each notification once per account and source key; only the call that stored it sends the
 * mail. A failing mail server is logged: the message centre keeps the notice.
 */
@Service
class NotificationService implements Notifications {

  private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

  private final MessageCenter messages;
  private final Mailer mailer;

  NotificationService(MessageCenter messages, Mailer mailer) {
    this.messages = messages;
    this.mailer = mailer;
  }

  @Override
  public boolean tell(Recipient to, Notification notification) {
    if (!messages.postOnce(
        to.accountId(),
        notification.sourceKey(),
        notification.subject(),
        notification.body(),
        notification.link())) {
      return false;
    }
    send(to, notification);
    return true;
  }

  @Override
  public void mail(Recipient to, Notification notification) {
    if (!mailer.configured()) {
      messages.postOnce(
          to.accountId(),
          notification.sourceKey(),
          notification.subject(),
          notification.body(),
          notification.link());
    }
    send(to, notification);
  }

  /** Mails the notification when the recipient has an address; a failing server is logged. */
  private void send(Recipient to, Notification notification) {
    String address = to.email();
    if (address == null || address.isBlank()) {
      return;
    }
    try {
      mailer.send(address, notification.subject(), notification.body());
    } catch (MailException ex) {
      log.warn(
          "Mail to account {} about {} failed: {}",
          to.accountId(),
          notification.sourceKey(),
          ex.getMessage());
    }
  }
}
