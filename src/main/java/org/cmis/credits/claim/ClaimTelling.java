package org.cmis.credits.claim;

import java.util.Locale;
import org.cmis.identity.AccountContacts;
import org.cmis.notification.Notification;
import org.cmis.notification.Notifications;
import org.cmis.notification.Recipient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells the member and its firm of every decision on a claim (ISSUE 14, point 5), as training tells
 * of registrations: the words of the claims bundle (Chinese), the accounts from identity, the
 * message centre and mail of notification, once per claim, decision and time.
 */
@Component
class ClaimTelling {

  private static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;

  private final Notifications notifications;
  private final AccountContacts contacts;
  private final MessageSource texts;
  private final String baseUrl;

  ClaimTelling(
      Notifications notifications,
      AccountContacts contacts,
      MessageSource texts,
      @Value("${cmis.base-url:http://localhost:8080}") String baseUrl) {
    this.notifications = notifications;
    this.contacts = contacts;
    this.texts = texts;
    this.baseUrl = baseUrl;
  }

  /** Tells of the claim's decision (its status now); answers how many accounts were told. */
  int decided(Claim c) {
    String status = texts.getMessage("claims.status." + c.status().name(), null, LOCALE);
    String hours = c.hoursGranted() == null ? "0" : c.hoursGranted().toPlainString();
    String reason =
        c.reason().isBlank()
            ? texts.getMessage("claims.notify.noReason", null, LOCALE)
            : c.reason();
    String subject =
        texts.getMessage("claims.notify.subject", new Object[] {c.title(), status}, LOCALE);
    String key =
        "claim:"
            + c.id()
            + ":"
            + c.status().name()
            + ":"
            + (c.decidedAt() == null ? 0 : c.decidedAt().toInstant().toEpochMilli());
    int told = 0;
    var member = contacts.ofMember(c.memberNo());
    if (member.isPresent()) {
      String body =
          texts.getMessage(
              "claims.notify.member",
              new Object[] {
                c.memberName(), c.title(), status, hours, reason, baseUrl + "/claims/" + c.id()
              },
              LOCALE);
      if (notifications.tell(
          new Recipient(member.get().accountId(), member.get().email()),
          new Notification(key, subject, body, "/claims/" + c.id()))) {
        told++;
      }
    }
    if (c.firmNo() != null) {
      var firm = contacts.ofFirm(c.firmNo());
      if (firm.isPresent()) {
        String body =
            texts.getMessage(
                "claims.notify.firm",
                new Object[] {c.memberName(), c.memberNo(), c.title(), status, hours, reason},
                LOCALE);
        if (notifications.tell(
            new Recipient(firm.get().accountId(), firm.get().email()),
            new Notification(key, subject, body, "/claims/" + c.id()))) {
          told++;
        }
      }
    }
    return told;
  }
}
