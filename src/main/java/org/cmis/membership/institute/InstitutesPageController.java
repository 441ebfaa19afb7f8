package org.cmis.membership.institute;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.web.ClientAddress;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 协会管理 (F6.1), admin only: each institute's support contacts, changed in place. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class InstitutesPageController {

  static final String PAGE = "/admin/institutes";

  private final InstituteAdmin admin;

  InstitutesPageController(InstituteAdmin admin) {
    this.admin = admin;
  }

  @GetMapping(PAGE)
  String page(Model model) {
    model.addAttribute("institutes", admin.all());
    model.addAttribute("failed", "");
    model.addAttribute("errors", Map.of());
    model.addAttribute("typed", Map.of());
    return "admin/institutes";
  }

  @PostMapping(PAGE + "/{code}")
  String save(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable String code,
      @RequestParam(defaultValue = "") String phone,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String trainingDepartment,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    try {
      admin.change(
          code,
          new InstituteAdmin.Contacts(phone, email, trainingDepartment),
          user,
          ClientAddress.of(request));
    } catch (CmisException e) {
      if (e.code() != ErrorCode.VALIDATION_FAILED) {
        throw e;
      }
      Map<String, String> errors = new HashMap<>();
      e.errors().forEach(fe -> errors.putIfAbsent(fe.field(), fe.message()));
      model.addAttribute("institutes", admin.all());
      model.addAttribute("failed", code);
      model.addAttribute("errors", errors);
      model.addAttribute(
          "typed",
          Map.of(
              "phone",
              cut(phone),
              "email",
              cut(email),
              "trainingDepartment",
              cut(trainingDepartment)));
      return "admin/institutes";
    }
    redirect.addFlashAttribute("flash", "admin.institutes.saved");
    return "redirect:" + PAGE;
  }

  private static String cut(String value) {
    return value.length() > 200 ? value.substring(0, 200) : value;
  }
}
