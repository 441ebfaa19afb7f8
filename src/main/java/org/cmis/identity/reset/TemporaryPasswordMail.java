package org.cmis.identity.reset;

import java.util.Locale;
import org.cmis.identity.account.Account;
import org.cmis.notification.Notification;
import org.cmis.notification.Notifications;
import org.cmis.notification.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Words the mail with the temporary password of an approved application and sends it, once the
 * approval is committed, to the email ON RECORD of the account, never to anything typed into the
 * application. Like the reset link, it is a secret: with a mail server nothing keeps it; without
 * one (development, the demo) the account's message centre and the log do.
 */
@Component
class TemporaryPasswordMail {

  private static final Logger log = LoggerFactory.getLogger(TemporaryPasswordMail.class);

  private final Notifications notifications;
  private final MessageSource texts;
  private final TaskExecutor executor;

  TemporaryPasswordMail(
      Notifications notifications,
      MessageSource texts,
      @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
    this.notifications = notifications;
    this.texts = texts;
    this.executor = executor;
  }

  void sendAfterCommit(Account account, ResetApplication application, String password) {
    Locale locale = Locale.SIMPLIFIED_CHINESE;
    Notification mail =
        new Notification(
            "reset-application:" + application.id(),
            texts.getMessage("reset.mail.subject", null, locale),
            texts.getMessage(
                "reset.mail.body",
                new Object[] {
                  account.displayName(), account.account(), application.shownNumber(), password
                },
                locale));
    Recipient to = new Recipient(account.id(), account.email());
    Runnable send =
        () -> {
          try {
            notifications.mail(to, mail);
          } catch (RuntimeException ex) {
            log.warn(
                "Temporary-password mail to account {} failed: {}", account.id(), ex.toString());
          }
        };
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              executor.execute(send);
            }
          });
    } else {
      executor.execute(send);
    }
  }
}
