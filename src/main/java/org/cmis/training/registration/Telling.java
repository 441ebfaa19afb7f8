package org.cmis.training.registration;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cmis.identity.AccountContacts;
import org.cmis.notification.Notification;
import org.cmis.notification.Notifications;
import org.cmis.notification.Recipient;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * How training tells people (F4.9): its own words ({@code notify.*} in the registration bundle,
 * Chinese), the member's or firm's enabled account from identity, and the notification module's
 * message centre and mail, once per account and source key.
 */
@Component
class Telling {

  private static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;

  private final Notifications notifications;
  private final AccountContacts contacts;
  private final MessageSource texts;

  Telling(Notifications notifications, AccountContacts contacts, MessageSource texts) {
    this.notifications = notifications;
    this.contacts = contacts;
    this.texts = texts;
  }

  /**
   * A member's account; its mail goes to the address the registration gives, else the account's.
   */
  Optional<Recipient> member(String memberNo, @Nullable String registrationEmail) {
    return contacts
        .ofMember(memberNo)
        .map(
            a ->
                new Recipient(
                    a.accountId(),
                    registrationEmail != null && !registrationEmail.isBlank()
                        ? registrationEmail
                        : a.email()));
  }

  /** A firm's account, with the account's address. */
  Optional<Recipient> firm(String firmNo) {
    return contacts.ofFirm(firmNo).map(a -> new Recipient(a.accountId(), a.email()));
  }

  /** Tells once per source key; answers whether this call stored the message. */
  boolean tell(Optional<Recipient> to, String key, String subject, String body) {
    return tell(to, key, subject, body, null);
  }

  /** Tells once per source key, linking the page the message is about (a path, ADR 0035). */
  boolean tell(
      Optional<Recipient> to, String key, String subject, String body, @Nullable String link) {
    return to.isPresent()
        && notifications.tell(to.get(), new Notification(key, subject, body, link));
  }

  /** The class page, where a member sees its registration (报名详情) and what it can do. */
  static String classPage(long classId) {
    return "/classes/" + classId;
  }

  /** A registration's receipt (报名回执), which its firm may open too. */
  static String receiptPage(long registrationId) {
    return "/registrations/" + registrationId + "/receipt";
  }

  String text(String key, Object... args) {
    return texts.getMessage(key, args, LOCALE);
  }

  /** A reason or a place as the messages show it: "none" when there is none. */
  String orNone(@Nullable String reason) {
    return reason == null || reason.isBlank() ? text("notify.none") : reason;
  }

  String person(String name, String memberNo) {
    return text("notify.person", name, memberNo);
  }

  String join(List<String> names) {
    return String.join(text("notify.separator"), names);
  }
}
