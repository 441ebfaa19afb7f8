package org.cmis.settings.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cmis.notification.MailCheck;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.web.ClientAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 系统设置 (F6.3), admin only: one form with every setting (an empty field restores the configured
 * default; the supervision secret is write-only: empty keeps it), and the test-mail button.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SettingsPageController {

  static final String PAGE = "/admin/settings";

  private final SettingsAdmin admin;

  SettingsPageController(SettingsAdmin admin) {
    this.admin = admin;
  }

  @GetMapping(PAGE)
  String page(Model model) {
    return render(null, Map.of(), model);
  }

  @PostMapping(PAGE)
  String save(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam Map<String, String> form,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    Map<String, @Nullable Object> changes = new LinkedHashMap<>();
    Map<String, String> typed = new HashMap<>();
    for (SettingKey k : SettingKey.values()) {
      String v = form.get(k.field());
      if (k.secret()) {
        if ("true".equals(form.get("clear-" + k.field()))) {
          changes.put(k.field(), null);
        } else if (v != null && !v.isEmpty()) {
          changes.put(k.field(), v);
        }
      } else if (v != null) {
        changes.put(k.field(), v);
        typed.put(k.field(), v);
      }
    }
    try {
      admin.change(changes, user, ClientAddress.of(request));
    } catch (CmisException e) {
      if (e.code() != ErrorCode.VALIDATION_FAILED) {
        throw e;
      }
      Map<String, String> errors = new HashMap<>();
      e.errors().forEach(fe -> errors.putIfAbsent(fe.field(), fe.message()));
      model.addAttribute("errors", errors);
      return render(typed, errors, model);
    }
    redirect.addFlashAttribute("flash", "admin.settings.saved");
    return "redirect:" + PAGE;
  }

  @PostMapping(PAGE + "/mail-test")
  String mailTest(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(defaultValue = "") String to,
      HttpServletRequest request,
      Model model) {
    try {
      MailCheck.Result result = admin.testMail(to, user, ClientAddress.of(request));
      model.addAttribute("mailResult", result);
    } catch (CmisException e) {
      if (e.code() != ErrorCode.VALIDATION_FAILED) {
        throw e;
      }
      model.addAttribute("mailError", "admin.settings.error.email");
    }
    model.addAttribute("mailTo", to.length() > 100 ? to.substring(0, 100) : to);
    return render(null, Map.of(), model);
  }

  private String render(
      @Nullable Map<String, String> typed, Map<String, String> errors, Model model) {
    SettingsAdmin.SettingsView view = admin.view();
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, SettingsAdmin.SettingView> byField = new LinkedHashMap<>();
    for (SettingsAdmin.SettingView s : view.items()) {
      byField.put(s.field(), s);
      String shown = s.secret() ? "" : (s.stored() ? s.value() : "");
      values.put(
          s.field(), typed != null && typed.containsKey(s.field()) ? typed.get(s.field()) : shown);
    }
    model.addAttribute("settings", byField);
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("captchaWarning", view.captchaWarning());
    model.addAttribute("mailConfigured", view.mailConfigured());
    return "admin/settings";
  }
}
