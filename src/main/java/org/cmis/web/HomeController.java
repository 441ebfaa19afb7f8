package org.cmis.web;

import org.cmis.membership.InstituteDirectory;
import org.cmis.shared.CurrentUser;
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

  HomeController(InstituteDirectory institutes, ClassCatalog board) {
    this.institutes = institutes;
    this.board = board;
  }

  @GetMapping("/")
  String home(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("headCount", institutes.headCount(user));
    if (user.instituteCode() != null) {
      institutes.find(user.instituteCode()).ifPresent(i -> model.addAttribute("institute", i));
    }
    model.addAttribute("latestNotices", board.latestNotices(LATEST));
    model.addAttribute("openClasses", board.openClasses(user, LATEST));
    return "home/home";
  }

  @GetMapping("/help")
  String help() {
    return "help";
  }
}
