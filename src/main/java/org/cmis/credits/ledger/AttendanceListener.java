package org.cmis.credits.ledger;

import org.cmis.training.AttendanceRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Hears training's attendance after it commits, through the event publication registry: a failure
 * (a lock wait, a restart) leaves the publication open and it is delivered again, which {@link
 * AttendancePosting} makes harmless.
 */
@Component
class AttendanceListener {

  private final AttendancePosting posting;

  AttendanceListener(AttendancePosting posting) {
    this.posting = posting;
  }

  @ApplicationModuleListener
  void on(AttendanceRecorded event) {
    posting.post(event);
  }
}
