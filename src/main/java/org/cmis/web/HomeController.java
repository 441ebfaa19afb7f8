package org.cmis.web;

import java.time.Clock;
import java.time.LocalDate;
import org.cmis.credits.HourStatements;
import org.cmis.credits.Statement;
import org.cmis.membership.InstituteDirectory;
import org.cmis.membership.MemberDirectory;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.Role;
import org.cmis.training.ClassCatalog;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 首页 of each role, and the help page. */
@Controller
class HomeController {

  /** How many notices and open classes the home page lists. */
  static final int LATEST = 5;

  private final InstituteDirectory institutes;
  private final ClassCatalog board;
  private final MemberDirectory members;
  private final HourStatements statements;
  private final StaffDashboard dashboard;
  private final Clock clock;

  HomeController(
      InstituteDirectory institutes,
      ClassCatalog board,
      MemberDirectory members,
      HourStatements statements,
      StaffDashboard dashboard,
      Clock clock) {
    this.institutes = institutes;
    this.board = board;
    this.members = members;
    this.statements = statements;
    this.dashboard = dashboard;
    this.clock = clock;
  }

  @GetMapping("/")
  String home(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("headCount", institutes.headCount(user));
    model.addAttribute("menu", HomeMenu.of(user));
    if (user.instituteCode() != null) {
      institutes.find(user.instituteCode()).ifPresent(i -> model.addAttribute("institute", i));
    }
    model.addAttribute("latestNotices", board.latestNotices(LATEST));
    model.addAttribute("openClasses", board.openClasses(user, LATEST));
    dashboard.fill(user, model); // the staff home's cards and chart (F6.4)
    if (user.is(Role.MEMBER) && user.memberNo() != null) {
      // The member's progress for the year (F5.4): a card with the bar and a link to 学时查询.
      members
          .profile(user.memberNo())
          .ifPresent(
              p -> {
                Statement s = statements.statement(p, LocalDate.now(clock).getYear());
                model.addAttribute("hours", s);
                model.addAttribute("hoursPercent", percent(s));
              });
    }
    return "home/home";
  }

  private static int percent(Statement s) {
    if (s.requiredHours().signum() <= 0) {
      return 100;
    }
    return s.completedHours()
        .multiply(java.math.BigDecimal.valueOf(100))
        .divide(s.requiredHours(), 0, java.math.RoundingMode.DOWN)
        .min(java.math.BigDecimal.valueOf(100))
        .max(java.math.BigDecimal.ZERO)
        .intValue();
  }

  @GetMapping("/help")
  String help() {
    return "help";
  }
}
