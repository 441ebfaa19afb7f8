package org.cmis.identity.password;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.cmis.identity.captcha.CaptchaService;
import org.cmis.identity.signin.SessionSignIn;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.FieldError;
import org.cmis.shared.web.ClientAddress;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages to change a password, ask for a reset link and reset with it. */
@Controller
class PasswordController {

  private final PasswordService passwords;
  private final CaptchaService captcha;

  PasswordController(PasswordService passwords, CaptchaService captcha) {
    this.passwords = passwords;
    this.captcha = captcha;
  }

  @ModelAttribute("captchaEnabled")
  boolean captchaEnabled() {
    return captcha.enabled();
  }

  @GetMapping("/password/change")
  String changePage(@ModelAttribute("form") PasswordForms.Change form) {
    return "identity/password-change";
  }

  @PostMapping("/password/change")
  String change(
      @AuthenticationPrincipal CurrentUser user,
      @Valid @ModelAttribute("form") PasswordForms.Change form,
      BindingResult binding,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    if (!form.getNewPassword().equals(form.getConfirmPassword())) {
      binding.rejectValue("confirmPassword", "password.mismatch");
    }
    if (!binding.hasErrors()) {
      try {
        passwords.change(
            user, form.getCurrentPassword(), form.getNewPassword(), ClientAddress.of(request));
      } catch (CmisException e) {
        reject(binding, e);
      }
    }
    if (binding.hasErrors()) {
      return "identity/password-change";
    }
    request.getSession().removeAttribute(SessionSignIn.MUST_CHANGE_PASSWORD);
    redirect.addFlashAttribute("flash", "password.changed");
    return "redirect:/";
  }

  @GetMapping("/password/forgot")
  String forgotPage(@ModelAttribute("form") PasswordForms.Forgot form) {
    return "identity/password-forgot";
  }

  @PostMapping("/password/forgot")
  String forgot(
      @Valid @ModelAttribute("form") PasswordForms.Forgot form,
      BindingResult binding,
      HttpServletRequest request,
      Model model) {
    if (captcha.enabled() && form.getCaptcha().isEmpty()) {
      binding.rejectValue("captcha", "signin.captchaRequired");
    }
    if (!binding.hasErrors() && !captcha.check(request, form.getCaptcha())) {
      binding.rejectValue("captcha", "signin.captchaWrong");
    }
    if (binding.hasErrors()) {
      return "identity/password-forgot";
    }
    passwords.requestReset(
        form.getUserType(), form.getAccount(), form.getContact(), ClientAddress.of(request));
    model.addAttribute("sent", true);
    return "identity/password-forgot";
  }

  @GetMapping("/password/reset")
  String resetPage(
      @RequestParam(defaultValue = "") String token,
      @ModelAttribute("form") PasswordForms.Reset form,
      Model model) {
    form.setToken(token);
    model.addAttribute("usable", passwords.isUsable(token));
    return "identity/password-reset";
  }

  @PostMapping("/password/reset")
  String reset(
      @Valid @ModelAttribute("form") PasswordForms.Reset form,
      BindingResult binding,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    if (!form.getNewPassword().equals(form.getConfirmPassword())) {
      binding.rejectValue("confirmPassword", "password.mismatch");
    }
    if (!binding.hasErrors()) {
      try {
        passwords.reset(form.getToken(), form.getNewPassword(), ClientAddress.of(request));
        redirect.addFlashAttribute("flash", "password.resetDone");
        return "redirect:/login";
      } catch (CmisException e) {
        reject(binding, e);
      }
    }
    model.addAttribute("usable", passwords.isUsable(form.getToken()));
    return "identity/password-reset";
  }

  private static void reject(BindingResult binding, CmisException e) {
    if (e.errors().isEmpty()) {
      binding.reject(e.getMessage());
    }
    for (FieldError error : e.errors()) {
      binding.rejectValue(error.field(), error.message());
    }
  }
}
