package org.cmis.identity.password;

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
 * Words the password-reset mail where the link's secret is known and sends it through notification
 * once the token is committed, on another thread: the request answers as fast whether or not the
 * account matched, and the secret is kept nowhere but in the mail (or, without a mail server, in
 * the account's message centre and the log). A failing mail server is logged; whoever asked can ask
 * again.
 */
@Component
class ResetLinkMail {

  private static final Logger log = LoggerFactory.getLogger(ResetLinkMail.class);

  private final Notifications notifications;
  private final MessageSource texts;
  private final TaskExecutor executor;

  ResetLinkMail(
      Notifications notifications,
      MessageSource texts,
      @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
    this.notifications = notifications;
    this.texts = texts;
    this.executor = executor;
  }

  /** Sends the link to the account's email after the current transaction commits. */
  void sendAfterCommit(Account account, long tokenId, String link, long validMinutes) {
    Locale locale = Locale.SIMPLIFIED_CHINESE;
    Notification mail =
        new Notification(
            "password-reset:" + tokenId,
            texts.getMessage("password.resetMail.subject", null, locale),
            texts.getMessage(
                "password.resetMail.body",
                new Object[] {account.displayName(), link, validMinutes},
                locale));
    Recipient to = new Recipient(account.id(), account.email());
    Runnable send =
        () -> {
          try {
            notifications.mail(to, mail);
          } catch (RuntimeException ex) {
            log.warn("Password-reset mail to account {} failed: {}", account.id(), ex.toString());
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
