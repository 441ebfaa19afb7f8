package org.cmis.training.registration;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cmis.membership.MemberDirectory;
import org.cmis.membership.MemberProfile;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.Paging;
import org.cmis.shared.Role;
import org.cmis.training.ClassStatus;
import org.cmis.training.catalog.ClassListItem;
import org.cmis.training.catalog.ClassService;
import org.cmis.training.catalog.TrainingClass;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registration page of a class (F4.1, F4.2): a member registers itself; a firm gets the bulk
 * registration page of its people (see {@link BulkRegistrationPage}).
 */
@Controller
@PreAuthorize("hasAnyRole('MEMBER','FIRM')")
class RegistrationPageController {

  private final ClassService classes;
  private final RegistrationService registrations;
  private final MemberDirectory members;
  private final BulkRegistrationPage bulk;

  RegistrationPageController(
      ClassService classes,
      RegistrationService registrations,
      MemberDirectory members,
      BulkRegistrationPage bulk) {
    this.classes = classes;
    this.registrations = registrations;
    this.members = members;
    this.bulk = bulk;
  }

  @GetMapping("/classes/{id}/register")
  String page(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      @RequestParam(defaultValue = "") @Size(max = 50) String name,
      @RequestParam(defaultValue = "") @Size(max = 20) String number,
      @RequestParam(defaultValue = "1") @Min(1) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
      HttpSession session,
      Model model) {
    TrainingClass c = classes.get(user, id);
    if (user.is(Role.FIRM)) {
      return bulk.show(user, c, name, number, new Paging(page, size), session, model);
    }
    MemberProfile self = profile(user);
    return self(
        user,
        c,
        new SelfRegistrationForm(self.mobile(), self.email(), false),
        Map.of(),
        null,
        model);
  }

  @PostMapping("/classes/{id}/register")
  String submit(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      @RequestParam MultiValueMap<String, String> form,
      HttpSession session,
      RedirectAttributes redirect,
      Model model) {
    TrainingClass c = classes.get(user, id);
    if (user.is(Role.FIRM)) {
      return bulk.submit(user, c, form, session, redirect);
    }
    SelfRegistrationForm input =
        new SelfRegistrationForm(
            trimmed(form.getFirst("mobile")),
            trimmed(form.getFirst("email")),
            form.containsKey("waitlist"));
    Map<String, String> errors = new LinkedHashMap<>();
    if (input.mobile().isEmpty()) {
      errors.put("mobile", "regpage.required");
    }
    if (input.email().isEmpty()) {
      errors.put("email", "regpage.required");
    }
    if (!errors.isEmpty()) {
      return self(user, c, input, errors, null, model);
    }
    try {
      Registration r =
          registrations.registerSelf(user, id, input.mobile(), input.email(), input.waitlist());
      redirect.addFlashAttribute("flash", "regpage.flash.registered." + r.status().name());
      return "redirect:/classes/" + id;
    } catch (CmisException e) {
      if (e.code() == ErrorCode.VALIDATION_FAILED && !e.errors().isEmpty()) {
        for (FieldError f : e.errors()) {
          errors.putIfAbsent(f.field(), f.message());
        }
        return self(user, c, input, errors, null, model);
      }
      String refusal =
          e.code() == ErrorCode.CLASS_FULL && c.waitlistEnabled()
              ? "regpage.refusal.CLASS_FULL.waitlist"
              : Refusals.key(e);
      return self(user, classes.get(user, id), input, errors, refusal, model);
    }
  }

  private String self(
      CurrentUser user,
      TrainingClass c,
      SelfRegistrationForm form,
      Map<String, String> errors,
      @Nullable String refusal,
      Model model) {
    ClassListItem item = classes.item(user, c);
    ClassPage.describe(c, item.status(), model);
    boolean full = c.registeredCount() >= c.maxRegistrations();
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("refusal", refusal);
    model.addAttribute("waitlistOffered", full && c.waitlistEnabled());
    boolean mine = item.myStatus() != null && item.myStatus().live();
    model.addAttribute("myRegistrationId", mine ? item.myRegistrationId() : null);
    model.addAttribute("myStatus", mine ? item.myStatus() : null);
    model.addAttribute("canRegister", !mine && item.status() == ClassStatus.OPEN && !c.external());
    return "training/registration/self";
  }

  private MemberProfile profile(CurrentUser user) {
    return members
        .profile(user.memberNo())
        .orElseThrow(() -> new CmisException(ErrorCode.NOT_ELIGIBLE, "error.NOT_ELIGIBLE"));
  }

  private static String trimmed(@Nullable String value) {
    return value == null ? "" : value.trim();
  }
}
