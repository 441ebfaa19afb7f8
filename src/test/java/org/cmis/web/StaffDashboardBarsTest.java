package org.cmis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chart's bars: scaled to the busiest day, a tiny day still visible, labels every 5 days. */
class StaffDashboardBarsTest {

  @Test
  void barsAreScaledToTheBusiestDay() {
    Map<LocalDate, Long> days = new LinkedHashMap<>();
    LocalDate first = LocalDate.of(2026, 11, 3);
    for (int i = 0; i < 30; i++) {
      days.put(first.plusDays(i), 0L);
    }
    days.put(first, 100L);
    days.put(first.plusDays(1), 50L);
    days.put(first.plusDays(2), 1L);
    List<StaffDashboard.Bar> bars = StaffDashboard.bars(days, 100);
    assertThat(bars).hasSize(30);
    assertThat(bars.get(0).height()).isEqualTo(StaffDashboard.CHART_HEIGHT);
    assertThat(bars.get(0).y()).isEqualTo(StaffDashboard.CHART_TOP);
    assertThat(bars.get(1).height()).isEqualTo(StaffDashboard.CHART_HEIGHT / 2);
    assertThat(bars.get(2).height()).isEqualTo(2);
    assertThat(bars.get(3).height()).isZero();
    assertThat(bars.get(29).x() + bars.get(29).width()).isLessThanOrEqualTo(600);
    assertThat(bars).filteredOn(StaffDashboard.Bar::labelled).hasSize(7);
  }

  @Test
  void noRegistrationsDrawFlatBars() {
    Map<LocalDate, Long> days = Map.of(LocalDate.of(2026, 1, 1), 0L);
    assertThat(StaffDashboard.bars(days, 0))
        .singleElement()
        .extracting(StaffDashboard.Bar::height)
        .isEqualTo(0);
  }
}
