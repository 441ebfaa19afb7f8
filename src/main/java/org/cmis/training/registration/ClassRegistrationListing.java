package org.cmis.training.registration;

import org.cmis.shared.CurrentUser;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.training.catalog.ClassRegistrationList;
import org.springframework.stereotype.Component;

/** The catalog's {@link ClassRegistrationList}, read through {@link RegistrationFinder}. */
@Component
class ClassRegistrationListing implements ClassRegistrationList {

  private final RegistrationFinder finder;

  ClassRegistrationListing(RegistrationFinder finder) {
    this.finder = finder;
  }

  @Override
  public PageResult<Entry> page(CurrentUser viewer, long classId, Paging paging) {
    PageResult<Registration> page =
        finder.list(viewer, new RegistrationQuery(classId, null, null, null, null), paging);
    return new PageResult<>(
        page.items().stream()
            .map(
                r ->
                    new Entry(
                        r.id(),
                        r.memberNo(),
                        r.name(),
                        r.status(),
                        r.channel().name(),
                        r.registeredAt(),
                        r.reason(),
                        r.nonAttendanceReason()))
            .toList(),
        page.total(),
        page.page(),
        page.size());
  }
}
