package org.cmis.credits.ledger;

import java.util.List;
import org.cmis.credits.HourCategory;
import org.cmis.credits.HourSource;
import org.cmis.training.AttendanceRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts a registration's attendance to the ledger (F5.2): the class hours when it is attended and
 * the registration has no live entry; a reversal of the live entry when it is absent. The event
 * registry delivers at least once and deliveries may race, so each posting takes the registration's
 * advisory lock first. Deliveries run on several threads and may come in any order, so a delivery
 * of a change older than (or the same as) the latest one applied posts nothing: the last change
 * wins, whichever came first. The others decide on what the ledger holds.
 */
@Component
class AttendancePosting {

  /** Who the ledger says wrote the entries of attendance. */
  static final String SYSTEM = "system:attendance";

  private static final Logger log = LoggerFactory.getLogger(AttendancePosting.class);

  private final LedgerRepository ledger;

  AttendancePosting(LedgerRepository ledger) {
    this.ledger = ledger;
  }

  /** Applies one delivery of the event; answers the ids of the entries it wrote (none, one). */
  @Transactional
  public List<Long> post(AttendanceRecorded e) {
    ledger.lockSource(HourSource.REGISTRATION, e.registrationId());
    if (!ledger.advance(HourSource.REGISTRATION, e.registrationId(), e.version())) {
      return List.of();
    }
    List<LedgerEntry> live = ledger.live(HourSource.REGISTRATION, e.registrationId());
    if (e.attended()) {
      if (!live.isEmpty() || e.hours().signum() <= 0) {
        return List.of();
      }
      return List.of(
          ledger.insert(
              new LedgerRepository.NewEntry(
                  e.memberNo(),
                  e.year(),
                  e.date(),
                  e.hours(),
                  e.ethicsHours().max(java.math.BigDecimal.ZERO).min(e.hours()),
                  HourCategory.TRAINING,
                  HourSource.REGISTRATION,
                  e.registrationId(),
                  note(e.className()),
                  null,
                  SYSTEM)));
    }
    if (live.size() > 1) {
      log.warn("Registration {} had {} live entries", e.registrationId(), live.size());
    }
    return live.stream()
        .map(
            entry ->
                ledger.insert(
                    LedgerRepository.NewEntry.reversalOf(
                        entry, entry.entry().date(), note(e.className()), SYSTEM)))
        .toList();
  }

  private static String note(String className) {
    return className.length() > 500 ? className.substring(0, 500) : className;
  }
}
