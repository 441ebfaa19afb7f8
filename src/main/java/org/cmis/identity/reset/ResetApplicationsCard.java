package org.cmis.identity.reset;

import org.cmis.shared.CurrentUser;
import org.cmis.shared.PendingWork;
import org.springframework.stereotype.Component;

/** The staff home's card of the applications waiting in the caller's queue (F6.4). */
@Component
class ResetApplicationsCard implements PendingWork {

  private final ResetApplicationService applications;

  ResetApplicationsCard(ResetApplicationService applications) {
    this.applications = applications;
  }

  @Override
  public String key() {
    return PASSWORD_RESET_APPLICATIONS;
  }

  @Override
  public String titleKey() {
    return "reset.home.title";
  }

  @Override
  public String link() {
    return "/manage/password-resets";
  }

  @Override
  public long count(CurrentUser caller) {
    return applications.waiting(caller);
  }
}
