package org.cmis.identity.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.cmis.identity.account.Account;
import org.cmis.identity.captcha.CaptchaService;
import org.cmis.identity.security.ReturnPath;
import org.cmis.shared.CmisException;
import org.cmis.shared.web.ClientAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page (F1.1): user type, account, password and the arithmetic captcha. Showing it
 * stores nothing on the server (ADR 0012); the session starts at a successful sign-in, which then
 * goes to the page named by {@code ?continue=} when that is a path of this site.
 */
@Controller
class LoginController {

  static final String VIEW = "identity/login";

  private final SignInService signIn;
  private final SessionSignIn sessionSignIn;
  private final CaptchaService captcha;

  LoginController(SignInService signIn, SessionSignIn sessionSignIn, CaptchaService captcha) {
    this.signIn = signIn;
    this.sessionSignIn = sessionSignIn;
    this.captcha = captcha;
  }

  @ModelAttribute("captchaEnabled")
  boolean captchaEnabled() {
    return captcha.enabled();
  }

  /** The captcha is off outside tests: the page warns (F6.3, never off in production unsaid). */
  @ModelAttribute("captchaWarning")
  boolean captchaWarning() {
    return captcha.offOutsideTests();
  }

  /** The validated page to come back to, carried by the form as a hidden field. */
  @ModelAttribute("returnTo")
  @Nullable String returnTo(
      @RequestParam(name = ReturnPath.PARAMETER, required = false) @Nullable String value) {
    return ReturnPath.of(value);
  }

  /**
   * The sign-in page; {@code ?userType=MEMBER} (the user type tabs' links, ADR 0038) selects a
   * type, and an unknown one leaves the default selected rather than answering 400.
   */
  @GetMapping("/login")
  String page(@ModelAttribute("loginForm") LoginForm form, BindingResult binding) {
    return VIEW;
  }

  @PostMapping("/login")
  String signIn(
      @Valid @ModelAttribute("loginForm") LoginForm form,
      BindingResult binding,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    form.setPassword("");
    if (captcha.enabled() && form.getCaptcha().isEmpty()) {
      binding.rejectValue("captcha", "signin.captchaRequired");
    }
    if (binding.hasErrors()) {
      return VIEW;
    }
    if (!captcha.check(request, form.getCaptcha())) {
      binding.rejectValue("captcha", "signin.captchaWrong");
      return VIEW;
    }
    Account account;
    try {
      account =
          signIn.signIn(
              form.getUserType(),
              form.getAccount(),
              request.getParameter("password"),
              ClientAddress.of(request));
    } catch (CmisException e) {
      binding.reject(e.getMessage());
      model.addAttribute("signInError", e.code().name());
      return VIEW;
    }
    sessionSignIn.signIn(account, request, response);
    if (account.mustChangePassword()) {
      return "redirect:/password/change";
    }
    // A path of this site, sent as a relative Location: never a URL built from the Host header.
    String target = ReturnPath.of(request.getParameter(ReturnPath.PARAMETER));
    return "redirect:" + (target == null ? "/" : target);
  }
}
