package org.cmis.training.catalog;

import java.time.OffsetDateTime;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.training.RegistrationStatus;
import org.jspecify.annotations.Nullable;

/**
 * The registrations a class's 报名详情 lists for its viewer (F3.4): owned by the catalog, implemented
 * by registration, which decides what the viewer may see.
 */
public interface ClassRegistrationList {

  /** One registration as the page lists it ({@code channel}: SELF, FIRM or STAFF). */
  record Entry(
      long id,
      String memberNo,
      String name,
      RegistrationStatus status,
      String channel,
      OffsetDateTime registeredAt,
      @Nullable String reason,
      @Nullable String nonAttendanceReason) {}

  /** One page of the class's registrations the viewer may see, in registration order. */
  PageResult<Entry> page(CurrentUser viewer, long classId, Paging paging);
}
