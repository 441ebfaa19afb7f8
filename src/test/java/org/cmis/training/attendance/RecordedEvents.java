package org.cmis.training.attendance;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cmis.training.AttendanceRecorded;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.stereotype.Component;

/**
 * Every {@link AttendanceRecorded} published in the test run, from any thread, as it was published
 * (in the transaction that changed attendance). Tests filter by their own registration ids.
 */
@Component
class RecordedEvents implements ApplicationListener<PayloadApplicationEvent<AttendanceRecorded>> {

  private final List<AttendanceRecorded> events = new CopyOnWriteArrayList<>();

  @Override
  public void onApplicationEvent(PayloadApplicationEvent<AttendanceRecorded> event) {
    events.add(event.getPayload());
  }

  /** The events of one registration, in the order published. */
  List<AttendanceRecorded> of(long registrationId) {
    return events.stream().filter(e -> e.registrationId() == registrationId).toList();
  }
}
