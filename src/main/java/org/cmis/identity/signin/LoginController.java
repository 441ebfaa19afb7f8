package org.cmis.identity.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.cmis.identity.account.Account;
import org.cmis.identity.captcha.CaptchaService;
import org.cmis.shared.CmisException;
import org.cmis.shared.web.ClientAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The sign-in page (F1.1): user type, account, password and the arithmetic captcha. */
@Controller
class LoginController {

  static final String VIEW = "identity/login";

  private final SignInService signIn;
  private final SessionSignIn sessionSignIn;
  private final CaptchaService captcha;
  private final RequestCache requestCache = new HttpSessionRequestCache();

  LoginController(SignInService signIn, SessionSignIn sessionSignIn, CaptchaService captcha) {
    this.signIn = signIn;
    this.sessionSignIn = sessionSignIn;
    this.captcha = captcha;
  }

  @ModelAttribute("captchaEnabled")
  boolean captchaEnabled() {
    return captcha.enabled();
  }

  @GetMapping("/login")
  String page(@ModelAttribute("loginForm") LoginForm form) {
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
    if (!captcha.check(request.getSession(), form.getCaptcha())) {
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
    SavedRequest saved = requestCache.getRequest(request, response);
    requestCache.removeRequest(request, response);
    return "redirect:" + localTarget(saved);
  }

  /** The saved page as a path on this site, never a URL built from the request's Host header. */
  private static String localTarget(@Nullable SavedRequest saved) {
    if (!(saved instanceof DefaultSavedRequest request)) {
      return "/";
    }
    String query = request.getQueryString();
    String path = request.getRequestURI();
    if (!path.startsWith("/") || path.startsWith("//")) {
      return "/";
    }
    return query == null ? path : path + "?" + query;
  }
}
