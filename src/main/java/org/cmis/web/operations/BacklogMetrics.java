package org.cmis.web.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code cmis.notification.backlog}: the event publications not yet completed, that is the
 * notifications, mails and audit records still to be handled (Spring Modulith's outbox). Read
 * through Modulith's registry, never with SQL on its table (TableOwnershipTest), and only when
 * Prometheus scrapes. Also registers the untagged counters at 0.
 */
@Component
class BacklogMetrics implements MeterBinder {

  private final ObjectProvider<EventPublicationRegistry> publications;

  BacklogMetrics(ObjectProvider<EventPublicationRegistry> publications) {
    this.publications = publications;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("cmis.notification.backlog", this, BacklogMetrics::incomplete)
        .description("Event publications (notifications, mails, audit) not yet completed")
        .register(registry);
    // the counters without tags exist from the start, at 0, so that a dashboard has a series;
    // Metrics.counter(...) where things happen finds these same meters through the global registry
    Counter.builder("cmis.busy.answers")
        .description("Problem answers with BUSY")
        .register(registry);
    Counter.builder("cmis.lock.waits")
        .description("Lock timeouts, deadlocks and serialisation failures answered as BUSY")
        .register(registry);
    Counter.builder("cmis.signin.locks")
        .description("Accounts locked by failed sign-ins")
        .register(registry);
  }

  double incomplete() {
    EventPublicationRegistry registry = publications.getIfAvailable();
    return registry == null ? Double.NaN : registry.findIncompletePublications().size();
  }
}
