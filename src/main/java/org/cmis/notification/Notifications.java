package org.cmis.notification;

/**
 * What other modules use to tell an account something (F4.9): the message goes to the account's
 * message centre once per source key and, the first time only, by mail when the recipient has an
 * address (logged when no mail server is configured). Callers word the message themselves and find
 * the recipient through identity's {@code AccountContacts}.
 */
public interface Notifications {

  /**
   * Tells the recipient unless a message with the same source key is already in its message centre
   * (an event handled twice, a job run on two instances tell once).
   *
   * @return true if this call stored the message, false if it was there already
   */
  boolean tell(Recipient to, Notification notification);

  /**
   * Mails a message that must not be kept because it holds a secret (a password-reset link): with a
   * mail server configured nothing is stored, not even in the message centre. Without one
   * (development, the demo) the message centre keeps it once per source key and the log shows it,
   * so that the link can still be followed. A failing mail server is logged.
   */
  void mail(Recipient to, Notification notification);
}
