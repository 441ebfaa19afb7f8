package org.cmis.web.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.web.Problems;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** Every BUSY problem counts once in cmis.busy.answers; other problems do not (ADR 0033). */
class BusyCounterTest {

  @Test
  void aBusyProblemCountsOnce() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Metrics.addRegistry(registry);
    try {
      StaticMessageSource messages = new StaticMessageSource();
      messages.setUseCodeAsDefaultMessage(true);
      Problems problems =
          new Problems(messages, JsonMapper.shared(), new AcceptHeaderLocaleResolver());
      problems.of(ErrorCode.CLASS_FULL, null, List.of());
      problems.of(ErrorCode.BUSY, null, List.of());
      assertThat(registry.counter("cmis.busy.answers").count()).isEqualTo(1.0);
    } finally {
      Metrics.removeRegistry(registry);
    }
  }
}
