package org.cmis.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cmis.shared.BusinessTime;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.PendingWork;
import org.cmis.shared.Role;
import org.cmis.training.TrainingFigures;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The staff home's cards (F6.4): open classes with their fill, pending confirmations, the work
 * other modules count ({@link PendingWork}: password-reset applications, claims), and the
 * registrations of the last 30 days as a bar chart drawn here as SVG shapes (no script, no chart
 * library). Staff see their institute; admin every institute.
 */
@Component
class StaffDashboard {

  /** Days the chart shows, today included. */
  static final int DAYS = 30;

  /** The open classes the card lists. */
  static final int OPEN_LISTED = 5;

  static final int CHART_WIDTH = 600;
  static final int CHART_HEIGHT = 160;
  static final int CHART_TOP = 10;

  /** A card of work another module counts; {@code count} null when no module fills it yet. */
  record WorkCard(String key, String titleKey, @Nullable String link, @Nullable Long count) {}

  /** One day's bar: its place in the chart's coordinates, its day and its count. */
  record Bar(int x, int y, int width, int height, LocalDate day, long count, boolean labelled) {

    /** Where the day's label is anchored: the bar's middle. */
    public int labelX() {
      return x + width / 2;
    }
  }

  private final TrainingFigures figures;
  private final ObjectProvider<PendingWork> work;
  private final Clock clock;

  StaffDashboard(TrainingFigures figures, ObjectProvider<PendingWork> work, Clock clock) {
    this.figures = figures;
    this.work = work;
    this.clock = clock;
  }

  void fill(CurrentUser user, Model model) {
    if (!user.is(Role.STAFF) && !user.is(Role.ADMIN)) {
      return;
    }
    String scope = user.is(Role.STAFF) ? user.instituteCode() : null;
    if (user.is(Role.STAFF) && scope == null) {
      return;
    }
    model.addAttribute("dashboard", true);
    model.addAttribute("openClassCount", figures.openClassCount(scope));
    model.addAttribute("openClassFill", figures.openClasses(scope, OPEN_LISTED));
    model.addAttribute("pendingConfirmations", figures.pendingConfirmations(scope));
    model.addAttribute("workCards", workCards(user));
    LocalDate today = LocalDate.now(clock.withZone(BusinessTime.ZONE));
    Map<LocalDate, Long> perDay =
        figures.registrationsPerDay(scope, today.minusDays(DAYS - 1), today);
    long max = perDay.values().stream().mapToLong(Long::longValue).max().orElse(0);
    long total = perDay.values().stream().mapToLong(Long::longValue).sum();
    model.addAttribute("chartBars", bars(perDay, max));
    model.addAttribute("chartMax", max);
    model.addAttribute("chartTotal", total);
    model.addAttribute("chartFrom", today.minusDays(DAYS - 1));
    model.addAttribute("chartTo", today);
  }

  /** The cards of other modules: password-reset applications, claims. */
  private List<WorkCard> workCards(CurrentUser user) {
    List<WorkCard> cards = new ArrayList<>();
    for (PendingWork w : work.orderedStream().toList()) {
      cards.add(new WorkCard(w.key(), w.titleKey(), w.link(), w.count(user)));
    }
    return cards;
  }

  static List<Bar> bars(Map<LocalDate, Long> perDay, long max) {
    List<Bar> bars = new ArrayList<>();
    int n = perDay.size();
    if (n == 0) {
      return bars;
    }
    int slot = CHART_WIDTH / n;
    int width = Math.max(1, slot - 4);
    int i = 0;
    for (Map.Entry<LocalDate, Long> e : perDay.entrySet()) {
      long count = e.getValue();
      int height = max == 0 ? 0 : (int) Math.round((double) count * CHART_HEIGHT / max);
      if (count > 0 && height < 2) {
        height = 2;
      }
      bars.add(
          new Bar(
              i * slot + 2,
              CHART_TOP + CHART_HEIGHT - height,
              width,
              height,
              e.getKey(),
              count,
              i % 5 == 0 || i == n - 1));
      i++;
    }
    return bars;
  }
}
