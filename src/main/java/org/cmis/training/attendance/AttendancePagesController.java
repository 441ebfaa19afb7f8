package org.cmis.training.attendance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cmis.membership.FirmDirectory;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.training.catalog.TrainingClass;
import org.cmis.training.registration.Registration;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 考勤管理 for staff of the organiser (F5.1): the institute's classes whose training has started, with
 * their counts, and one class's CONFIRMED registrations filtered, ticked and marked 出勤 / 缺勤 in one
 * request ({@link Attendance#markMany}: one statement for all of them).
 */
@Controller
@PreAuthorize("hasRole('STAFF')")
class AttendancePagesController {

  private final Attendance attendance;
  private final AttendanceRepository repository;
  private final CheckInRepository checkIns;
  private final FirmDirectory firms;
  private final MessageSource messages;

  AttendancePagesController(
      Attendance attendance,
      AttendanceRepository repository,
      CheckInRepository checkIns,
      FirmDirectory firms,
      MessageSource messages) {
    this.attendance = attendance;
    this.repository = repository;
    this.checkIns = checkIns;
    this.firms = firms;
    this.messages = messages;
  }

  @GetMapping("/manage/attendance")
  String classes(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute(
        "classes", repository.started(String.valueOf(user.instituteCode()), attendance.today()));
    return "training/attendance/classes";
  }

  @GetMapping("/manage/attendance/classes/{id}")
  String registrations(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "") String firm,
      @RequestParam(defaultValue = "") String state,
      Model model) {
    TrainingClass c = attendance.organised(user, id);
    String who = clip(q, 50);
    String firmText = clip(firm, 50);
    AttendanceRepository.State st = state(state);
    List<String> firmNos = repository.firmsOf(id);
    Map<String, String> names = firmNos.isEmpty() ? Map.of() : firms.names(firmNos);
    List<String> named =
        firmText.isEmpty()
            ? List.of()
            : names.entrySet().stream()
                .filter(e -> e.getValue().contains(firmText))
                .map(Map.Entry::getKey)
                .toList();
    List<Registration> rows = repository.confirmed(id, who, firmText, st, named);
    Map<Long, List<CheckInRepository.CheckIn>> days = new HashMap<>();
    for (CheckInRepository.CheckIn ci : checkIns.ofClassRegistrations(id)) {
      days.computeIfAbsent(ci.registrationId(), k -> new ArrayList<>()).add(ci);
    }
    model.addAttribute("c", c);
    model.addAttribute("counts", repository.counts(id));
    model.addAttribute("rows", rows);
    model.addAttribute("firmNames", names);
    model.addAttribute("checkIns", days);
    model.addAttribute("q", who);
    model.addAttribute("firm", firmText);
    model.addAttribute("state", st == null ? "" : st.name());
    model.addAttribute("states", AttendanceRepository.State.values());
    model.addAttribute("started", !attendance.today().isBefore(c.trainingStart()));
    return "training/attendance/class";
  }

  @PostMapping("/manage/attendance/classes/{id}/mark")
  String mark(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      @RequestParam(required = false) @Nullable List<Long> ids,
      @RequestParam(defaultValue = "") String attended,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "") String firm,
      @RequestParam(defaultValue = "") String state,
      RedirectAttributes redirect) {
    attendance.organised(user, id);
    String back =
        UriComponentsBuilder.fromPath("/manage/attendance/classes/{id}")
            .queryParamIfPresent("q", Optional.of(q).filter(s -> !s.isBlank()))
            .queryParamIfPresent("firm", Optional.of(firm).filter(s -> !s.isBlank()))
            .queryParamIfPresent("state", Optional.of(state).filter(s -> !s.isBlank()))
            .buildAndExpand(id)
            .encode()
            .toUriString();
    if (!attended.equals("true") && !attended.equals("false")) {
      redirect.addFlashAttribute("markError", "attendance.error.attendedRequired");
      return "redirect:" + back;
    }
    if (ids == null || ids.isEmpty() || ids.size() > Attendance.MAX_IDS) {
      redirect.addFlashAttribute("markError", "attendance.page.select");
      return "redirect:" + back;
    }
    List<Attendance.Result> results;
    try {
      results = attendance.markMany(user, id, ids, attended.equals("true"));
    } catch (CmisException e) {
      redirect.addFlashAttribute("markError", e.getMessage());
      redirect.addFlashAttribute("checked", Set.copyOf(ids));
      return "redirect:" + back;
    } catch (DataAccessException e) {
      redirect.addFlashAttribute("markError", "error.BUSY");
      redirect.addFlashAttribute("checked", Set.copyOf(ids));
      return "redirect:" + back;
    }
    long changed = results.stream().filter(r -> r.outcome() == Attendance.Outcome.CHANGED).count();
    long unchanged =
        results.stream().filter(r -> r.outcome() == Attendance.Outcome.UNCHANGED).count();
    long refused = results.size() - changed - unchanged;
    String summary =
        text(
                attended.equals("true") ? "attendance.result.attended" : "attendance.result.absent",
                changed)
            + (unchanged > 0 ? text("attendance.result.unchanged", unchanged) : "")
            + (refused > 0 ? text("attendance.result.refused", refused) : "");
    redirect.addFlashAttribute("markResult", summary);
    return "redirect:" + back;
  }

  private static AttendanceRepository.@Nullable State state(String state) {
    try {
      return state.isBlank()
          ? null
          : AttendanceRepository.State.valueOf(state.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String clip(String text, int max) {
    String t = text.strip();
    return t.length() > max ? t.substring(0, max) : t;
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
