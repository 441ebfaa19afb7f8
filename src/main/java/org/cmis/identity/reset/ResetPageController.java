package org.cmis.identity.reset;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cmis.identity.captcha.CaptchaService;
import org.cmis.shared.CmisException;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.web.ClientAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public pages of the manual reset (no sign-in, no session: ADR 0012): the printable blank
 * 密码重置申请表, the online application with its three scans and the captcha, and the status page.
 */
@Controller
class ResetPageController {

  private final ResetApplicationService service;
  private final CaptchaService captcha;

  ResetPageController(ResetApplicationService service, CaptchaService captcha) {
    this.service = service;
    this.captcha = captcha;
  }

  @ModelAttribute("captchaEnabled")
  boolean captchaEnabled() {
    return captcha.enabled();
  }

  @ModelAttribute("maxMegabytes")
  long maxMegabytes() {
    return ResetApplicationService.MAX_FILE_BYTES / (1024 * 1024);
  }

  @GetMapping("/password/manual/form")
  String blankForm() {
    return "reset/blank-form";
  }

  @GetMapping("/password/manual")
  String page(Model model) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("userType", "MEMBER");
    return form(model, form, Map.of(), null);
  }

  @PostMapping("/password/manual")
  String submit(
      @RequestParam(required = false) @Nullable String applicant,
      @RequestParam(required = false) @Nullable String account,
      @RequestParam(required = false) @Nullable String userType,
      @RequestParam(required = false) @Nullable String mobile,
      @RequestParam(required = false) @Nullable String applicationDate,
      @RequestParam(required = false) @Nullable String reason,
      @RequestParam(required = false) @Nullable String remark,
      @RequestParam(name = "captcha", required = false, defaultValue = "") String captchaAnswer,
      @RequestParam(required = false) @Nullable MultipartFile signedForm,
      @RequestParam(required = false) @Nullable MultipartFile certificate,
      @RequestParam(required = false) @Nullable MultipartFile idCard,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("applicant", value(applicant));
    form.put("account", value(account));
    form.put("userType", value(userType));
    form.put("mobile", value(mobile));
    form.put("applicationDate", value(applicationDate));
    form.put("reason", value(reason));
    form.put("remark", value(remark));
    if (captcha.enabled()) {
      String refusal = null;
      if (captchaAnswer.isBlank()) {
        refusal = "signin.captchaRequired";
      } else if (!captcha.check(request, captchaAnswer)) {
        refusal = "signin.captchaWrong";
      }
      if (refusal != null) {
        response.setStatus(422);
        return form(model, form, Map.of("captcha", List.of(refusal)), null);
      }
    }
    try {
      ResetApplicationService.Submitted submitted =
          service.submit(
              new ResetApplicationInput(
                  applicant,
                  account,
                  userType,
                  mobile,
                  applicationDate,
                  reason,
                  remark,
                  ResetRestController.files(signedForm, certificate, idCard)),
              ClientAddress.of(request));
      model.addAttribute("submitted", submitted);
      model.addAttribute("account", value(account).strip());
      return "reset/submitted";
    } catch (CmisException e) {
      if (e.code() == ErrorCode.VALIDATION_FAILED) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (FieldError error : e.errors()) {
          errors.computeIfAbsent(error.field(), f -> new ArrayList<>()).add(error.message());
        }
        response.setStatus(422);
        return form(model, form, errors, null);
      }
      if (e.code() == ErrorCode.TOO_MANY_ATTEMPTS) {
        response.setStatus(429);
        return form(model, form, Map.of(), e.getMessage());
      }
      throw e;
    }
  }

  @GetMapping("/password/manual/status")
  String status(
      @RequestParam(required = false) @Nullable String number,
      @RequestParam(required = false) @Nullable String account,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("number", value(number));
    model.addAttribute("account", value(account));
    if (number != null || account != null) {
      Optional<ResetApplicationService.StatusView> found = service.status(number, account);
      if (found.isPresent()) {
        model.addAttribute("status", found.get());
      } else {
        response.setStatus(404);
        model.addAttribute("notFound", true);
      }
    }
    return "reset/status";
  }

  private static String form(
      Model model,
      Map<String, String> form,
      Map<String, List<String>> errors,
      @Nullable String refusal) {
    for (String field :
        List.of(
            "applicant", "account", "userType", "mobile", "applicationDate", "reason", "remark")) {
      form.putIfAbsent(field, "");
    }
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("refusal", refusal);
    model.addAttribute("kinds", ResetFileKind.values());
    return "reset/apply";
  }

  private static String value(@Nullable String typed) {
    return typed == null ? "" : typed;
  }
}
