package org.cmis.web;

import org.cmis.membership.InstituteDirectory;
import org.cmis.shared.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 首页 of each role, and the help page. */
@Controller
class HomeController {

  private final InstituteDirectory institutes;

  HomeController(InstituteDirectory institutes) {
    this.institutes = institutes;
  }

  @GetMapping("/")
  String home(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("headCount", institutes.headCount(user));
    if (user.instituteCode() != null) {
      institutes.find(user.instituteCode()).ifPresent(i -> model.addAttribute("institute", i));
    }
    return "home/home";
  }

  @GetMapping("/help")
  String help() {
    return "help";
  }
}
