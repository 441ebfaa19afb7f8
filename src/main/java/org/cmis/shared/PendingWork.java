package org.cmis.shared;

/**
 * Work waiting for an institute's staff that a module counts for the staff home (F6.4): e.g. the
 * password-reset applications to review, the hour claims to decide. A module implements it as a
 * bean; web's staff home shows one card per bean, with the count and a link to the module's page.
 */
public interface PendingWork {

  /** The key of the card that identity's password-reset applications fill. */
  String PASSWORD_RESET_APPLICATIONS = "password-reset-applications";

  /** A stable name of this kind of work, e.g. {@value #PASSWORD_RESET_APPLICATIONS}. */
  String key();

  /** The message key of the card's title, e.g. 待审核的密码重置申请. */
  String titleKey();

  /** The path of the page where the work is done. */
  String link();

  /** How much is waiting in the caller's scope (staff: its institute; admin: every institute). */
  long count(CurrentUser caller);
}
