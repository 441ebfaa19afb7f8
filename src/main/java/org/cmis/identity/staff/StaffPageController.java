package org.cmis.identity.staff;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cmis.membership.InstituteDirectory;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.Paging;
import org.cmis.shared.web.ClientAddress;
import org.cmis.shared.web.PageLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 工作人员账号 (F6.1), admin only: the list per institute, the create form, row actions. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class StaffPageController {

  static final String PAGE = "/admin/staff";

  private final StaffAccounts staff;
  private final InstituteDirectory institutes;

  StaffPageController(StaffAccounts staff, InstituteDirectory institutes) {
    this.staff = staff;
    this.institutes = institutes;
  }

  @GetMapping(PAGE)
  String page(
      @RequestParam(required = false) @Nullable String institute,
      @RequestParam(defaultValue = "1") String page,
      @RequestParam(required = false) @Nullable String size,
      Model model) {
    return render(institute, page, size, Map.of(), Map.of(), model);
  }

  @PostMapping(PAGE)
  String create(
      @AuthenticationPrincipal CurrentUser admin,
      @RequestParam Map<String, String> form,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    Map<String, String> typed = new LinkedHashMap<>();
    for (String f :
        new String[] {"account", "displayName", "instituteCode", "email", "mobile", "staffRole"}) {
      String v = form.getOrDefault(f, "");
      typed.put(f, v.length() > 200 ? v.substring(0, 200) : v);
    }
    try {
      StaffAccounts.StaffAccount created =
          staff.create(
              new StaffAccounts.NewStaff(
                  form.get("account"),
                  form.get("displayName"),
                  form.get("instituteCode"),
                  form.get("email"),
                  form.get("mobile"),
                  form.get("staffRole")),
              admin,
              ClientAddress.of(request));
      redirect.addFlashAttribute("done", "admin.staff.created");
      redirect.addFlashAttribute("doneAccount", created.account());
      return "redirect:" + PAGE;
    } catch (CmisException e) {
      if (e.code() != ErrorCode.VALIDATION_FAILED) {
        throw e;
      }
      Map<String, String> errors = new HashMap<>();
      e.errors().forEach(fe -> errors.putIfAbsent(fe.field(), fe.message()));
      return render(null, "1", null, typed, errors, model);
    }
  }

  @PostMapping(PAGE + "/{id}/{action}")
  String act(
      @AuthenticationPrincipal CurrentUser admin,
      @PathVariable long id,
      @PathVariable String action,
      @RequestParam(required = false) @Nullable String staffRole,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    String address = ClientAddress.of(request);
    StaffAccounts.StaffAccount done =
        switch (action) {
          case "disable" -> staff.disable(id, admin, address);
          case "enable" -> staff.enable(id, admin, address);
          case "reset" -> staff.reset(id, admin, address);
          case "role" -> staff.changeRole(id, staffRole, admin, address);
          default -> throw new CmisException(ErrorCode.NOT_FOUND, "error.NOT_FOUND");
        };
    redirect.addFlashAttribute("done", "admin.staff.done." + action);
    redirect.addFlashAttribute("doneAccount", done.account());
    return "redirect:" + PAGE + "?institute=" + done.instituteCode();
  }

  private String render(
      @Nullable String institute,
      String page,
      @Nullable String size,
      Map<String, String> typed,
      Map<String, String> errors,
      Model model) {
    String code = institute == null || institute.isBlank() ? null : institute.trim();
    var accounts = staff.list(code, new Paging(PageLinks.page(page), PageLinks.size(size)));
    model.addAttribute("accounts", accounts);
    model.addAttribute(
        "pager", PageLinks.of(PAGE, code == null ? Map.of() : Map.of("institute", code), accounts));
    model.addAttribute("institutes", institutes.all());
    model.addAttribute("institute", code == null ? "" : code);
    model.addAttribute("roles", StaffRole.values());
    model.addAttribute("typed", typed);
    model.addAttribute("errors", errors);
    return "admin/staff";
  }
}
