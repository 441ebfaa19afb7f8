package org.cmis.notification;

import java.time.Clock;
import java.time.LocalDate;
import org.cmis.training.ClassChanged;
import org.cmis.training.RegistrationChanged;
import org.cmis.training.RegistrationsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The training notices (F4.9). Registration and class events are handled after their transaction
 * commits, through the event publication registry (a failure is retried, blocks nothing); the
 * reminder runs every morning at 08:00 Asia/Shanghai for the classes that start the next day. Every
 * notice is stored once (see {@link TrainingNotifier}), so a second instance running the same job
 * stores and mails nothing.
 */
@Component
class TrainingNotifications {

  private static final Logger log = LoggerFactory.getLogger(TrainingNotifications.class);

  private final TrainingNotifier notifier;
  private final Clock clock;

  TrainingNotifications(TrainingNotifier notifier, Clock clock) {
    this.notifier = notifier;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(RegistrationChanged event) {
    notifier.registrationChanged(event);
  }

  @ApplicationModuleListener
  void on(RegistrationsChanged event) {
    event.changes().forEach(notifier::registrationChanged);
  }

  @ApplicationModuleListener
  void on(ClassChanged event) {
    notifier.classChanged(event);
  }

  /** Reminds the confirmed registrants of tomorrow's classes. */
  @Scheduled(cron = "${cmis.notification.reminder-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
  void remindTomorrow() {
    LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
    int stored = notifier.remind(tomorrow);
    log.info("Training reminders for {}: {} messages", tomorrow, stored);
  }
}
