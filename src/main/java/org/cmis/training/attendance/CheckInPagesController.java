package org.cmis.training.attendance;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.web.QrCodes;
import org.cmis.training.catalog.TrainingClass;
import org.springframework.beans.factory.annotation.Value;
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
 * 签到 pages (F5.1): staff open and close a class's check-in sessions and show one on a projector
 * (the code big, the QR code of its link); a member types the code at {@code /check-in} or opens
 * the QR link {@code /check-in/{token}} (signed in first) and confirms. Refusals are shown in the
 * page with the HTTP status of the API's code.
 */
@Controller
class CheckInPagesController {

  private final CheckInSessions sessions;
  private final CheckIns checkIns;
  private final Attendance attendance;
  private final String baseUrl;

  CheckInPagesController(
      CheckInSessions sessions,
      CheckIns checkIns,
      Attendance attendance,
      @Value("${cmis.base-url}") String baseUrl) {
    this.sessions = sessions;
    this.checkIns = checkIns;
    this.attendance = attendance;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  @GetMapping("/manage/attendance/classes/{id}/check-in")
  @PreAuthorize("hasRole('STAFF')")
  String sessionsPage(
      @AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
    TrainingClass c = attendance.organised(user, id);
    return renderSessions(user, c, model);
  }

  @PostMapping("/manage/attendance/classes/{id}/check-in")
  @PreAuthorize("hasRole('STAFF')")
  String open(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String day,
      @RequestParam(defaultValue = "") String minutes,
      @RequestParam(defaultValue = "") String lateAfterMinutes,
      Model model,
      HttpServletResponse response) {
    TrainingClass c = attendance.organised(user, id);
    List<String> errors = new ArrayList<>();
    LocalDate d = null;
    Integer length = null;
    Integer late = null;
    try {
      d = day.isBlank() ? null : LocalDate.parse(day.strip());
    } catch (DateTimeParseException e) {
      errors.add("day");
    }
    try {
      length = minutes.isBlank() ? null : Integer.valueOf(minutes.strip());
    } catch (NumberFormatException e) {
      errors.add("minutes");
    }
    try {
      late = lateAfterMinutes.isBlank() ? null : Integer.valueOf(lateAfterMinutes.strip());
    } catch (NumberFormatException e) {
      errors.add("lateAfterMinutes");
    }
    try {
      if (!errors.isEmpty()) {
        throw CmisException.validation(
            errors.stream().map(f -> new FieldError(f, "checkin.page.error." + f)).toList());
      }
      long session = sessions.open(user, id, d, length, late);
      return "redirect:/manage/attendance/check-in/" + session;
    } catch (CmisException e) {
      response.setStatus(e.code().status());
      model.addAttribute("openError", messageKey(e));
      model.addAttribute("errorFields", e.errors().stream().map(FieldError::field).toList());
      model.addAttribute("typedMinutes", minutes);
      model.addAttribute("typedLate", lateAfterMinutes);
      return renderSessions(user, c, model);
    }
  }

  @GetMapping("/manage/attendance/check-in/{sessionId}")
  @PreAuthorize("hasRole('STAFF')")
  String projector(
      @AuthenticationPrincipal CurrentUser user, @PathVariable long sessionId, Model model) {
    CheckInSession s = sessions.get(user, sessionId);
    TrainingClass c = attendance.organised(user, s.classId());
    String link = baseUrl + "/check-in/" + s.token();
    model.addAttribute("s", s);
    model.addAttribute("c", c);
    model.addAttribute("link", link);
    model.addAttribute("qr", QrCodes.svg(link, 320));
    model.addAttribute("open", s.openAt(sessions.now()));
    return "training/attendance/projector";
  }

  @PostMapping("/manage/attendance/check-in/{sessionId}/close")
  @PreAuthorize("hasRole('STAFF')")
  String close(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long sessionId,
      RedirectAttributes redirect) {
    CheckInSession s = sessions.get(user, sessionId);
    sessions.close(user, sessionId);
    redirect.addFlashAttribute("flash", "checkin.page.closed");
    return "redirect:/manage/attendance/classes/" + s.classId() + "/check-in";
  }

  @GetMapping("/check-in")
  @PreAuthorize("hasRole('MEMBER')")
  String codePage() {
    return "training/attendance/check-in";
  }

  @PostMapping("/check-in")
  @PreAuthorize("hasRole('MEMBER')")
  String withCode(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(defaultValue = "") String code,
      Model model,
      HttpServletResponse response) {
    try {
      done(checkIns.withCode(user, code.length() > 20 ? "" : code), model);
    } catch (CmisException e) {
      response.setStatus(e.code().status());
      model.addAttribute("checkInError", messageKey(e));
      model.addAttribute("codeError", e.code() == ErrorCode.VALIDATION_FAILED);
      model.addAttribute("typedCode", code.length() > 20 ? "" : code);
    }
    return "training/attendance/check-in";
  }

  @GetMapping("/check-in/{token}")
  @PreAuthorize("hasRole('MEMBER')")
  String linkPage(@PathVariable String token, Model model) {
    CheckInSession s = checkIns.session(token);
    model.addAttribute("s", s);
    model.addAttribute("c", checkIns.classOf(s));
    return "training/attendance/link";
  }

  @PostMapping("/check-in/{token}")
  @PreAuthorize("hasRole('MEMBER')")
  String withLink(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable String token,
      Model model,
      HttpServletResponse response) {
    CheckInSession s = checkIns.session(token);
    model.addAttribute("s", s);
    model.addAttribute("c", checkIns.classOf(s));
    try {
      done(checkIns.withToken(user, token), model);
    } catch (CmisException e) {
      response.setStatus(e.code().status());
      model.addAttribute("checkInError", messageKey(e));
    }
    return "training/attendance/link";
  }

  private void done(CheckIns.Result r, Model model) {
    model.addAttribute("result", r);
    model.addAttribute("resultClass", checkIns.classOf(r.classId()));
  }

  private String renderSessions(CurrentUser user, TrainingClass c, Model model) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = c.trainingStart(); !d.isAfter(c.trainingEnd()); d = d.plusDays(1)) {
      days.add(d);
    }
    LocalDate today = attendance.today();
    model.addAttribute("c", c);
    model.addAttribute("days", days);
    model.addAttribute("today", today);
    model.addAttribute("started", !today.isBefore(c.trainingStart()));
    model.addAttribute("sessions", sessions.ofClass(user, c.id()));
    model.addAttribute("now", sessions.now());
    model.addAttribute("defaultMinutes", CheckInSessions.DEFAULT_MINUTES);
    model.addAttribute("defaultLate", sessions.lateAfterDefault());
    if (!model.containsAttribute("errorFields")) {
      model.addAttribute("errorFields", List.of());
    }
    return "training/attendance/sessions";
  }

  /** The page's sentence: a field's message for a validation failure, else the refusal's. */
  private static String messageKey(CmisException e) {
    if (e.code() == ErrorCode.VALIDATION_FAILED && !e.errors().isEmpty()) {
      return e.errors().get(0).message();
    }
    return e.getMessage() == null ? e.code().titleKey() : e.getMessage();
  }
}
