package org.cmis.training.registration;

import java.time.LocalDate;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.training.Reason;
import org.cmis.training.catalog.ClassService;
import org.cmis.training.catalog.TrainingClass;
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

/**
 * What a registrant (or its firm) does with a registration (F4.5, F4.7): cancel it before the
 * deadline, declare non-attendance after it, print the receipt.
 */
@Controller
class RegistrationActionsController {

  private final RegistrationService registrations;
  private final RegistrationFinder finder;
  private final ClassService classes;

  RegistrationActionsController(
      RegistrationService registrations, RegistrationFinder finder, ClassService classes) {
    this.registrations = registrations;
    this.finder = finder;
    this.classes = classes;
  }

  /** What the cancel page offers for a registration today. */
  enum Phase {
    CANCEL,
    DECLARE,
    DECLARED,
    CLOSED,
    NOT_LIVE
  }

  @GetMapping("/registrations/{id}/cancel")
  @PreAuthorize("hasAnyRole('MEMBER','FIRM')")
  String cancelPage(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
    Registration r = registrations.visibleRegistration(user, id);
    TrainingClass c = classes.get(user, r.classId());
    model.addAttribute("registration", r);
    model.addAttribute("cls", c);
    model.addAttribute("phase", phase(r, c, classes.today()));
    return "training/registration/cancel";
  }

  @PostMapping("/registrations/{id}/cancel")
  @PreAuthorize("hasAnyRole('MEMBER','FIRM')")
  String cancel(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes redirect) {
    Registration r = registrations.visibleRegistration(user, id);
    if (!Reason.valid(reason)) {
      return back(id, "regpage.reason.required", reason, "reason", redirect);
    }
    try {
      registrations.cancel(user, id, reason);
    } catch (CmisException e) {
      return back(id, Refusals.key(e), reason, refusalField(e), redirect);
    }
    redirect.addFlashAttribute("flash", "regpage.flash.cancelled");
    return "redirect:/classes/" + r.classId();
  }

  @PostMapping("/registrations/{id}/non-attendance")
  @PreAuthorize("hasAnyRole('MEMBER','FIRM')")
  String declareNonAttendance(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes redirect) {
    Registration r = registrations.visibleRegistration(user, id);
    if (!Reason.valid(reason)) {
      return back(id, "regpage.reason.required", reason, "nonAttendanceReason", redirect);
    }
    try {
      registrations.declareNonAttendance(user, id, reason);
    } catch (CmisException e) {
      String field = e.code() == ErrorCode.VALIDATION_FAILED ? "nonAttendanceReason" : null;
      return back(id, Refusals.key(e), reason, field, redirect);
    }
    redirect.addFlashAttribute("flash", "regpage.flash.nonAttendance");
    return "redirect:/classes/" + r.classId();
  }

  /** The printable receipt: for the registrant, its firm, the organiser's staff (and admin). */
  @GetMapping("/registrations/{id}/receipt")
  String receipt(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
    Registration r = registrations.visibleRegistration(user, id);
    TrainingClass c = classes.get(user, r.classId());
    model.addAttribute("registration", r);
    model.addAttribute("cls", c);
    model.addAttribute(
        "firmName", r.firmNo() == null ? null : finder.firmName(r.firmNo()).orElse(null));
    return "training/registration/receipt";
  }

  static Phase phase(Registration r, TrainingClass c, LocalDate today) {
    if (!r.status().live()) {
      return Phase.NOT_LIVE;
    }
    if (!today.isAfter(c.cancellationDeadline())) {
      return Phase.CANCEL;
    }
    if (!today.isBefore(c.trainingStart()) || !r.status().active()) {
      return Phase.CLOSED;
    }
    return r.nonAttendanceReason() == null ? Phase.DECLARE : Phase.DECLARED;
  }

  private static @Nullable String refusalField(CmisException e) {
    return e.code() == ErrorCode.VALIDATION_FAILED ? "reason" : null;
  }

  /** Back to the cancel page with the error and what was typed. */
  private static String back(
      long id, String error, String reason, @Nullable String field, RedirectAttributes redirect) {
    redirect.addFlashAttribute("actionError", error);
    redirect.addFlashAttribute("errorField", field == null ? "" : field);
    redirect.addFlashAttribute("typedReason", reason.length() > Reason.MAX * 2 ? "" : reason);
    return "redirect:/registrations/" + id + "/cancel";
  }
}
