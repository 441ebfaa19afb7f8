package org.cmis.credits.ledger;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cmis.credits.HourStatements;
import org.cmis.membership.MemberDirectory;
import org.cmis.membership.MemberProfile;
import org.cmis.membership.MemberQuery;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.Paging;
import org.cmis.shared.web.ClientAddress;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 学时管理 of staff (F5.2, F5.8): find a member of the institute by number or name, see its entries of
 * a year, add a manual entry, reverse an entry with a reason. A member of another institute is
 * answered 404, as on the API. Wrong input comes back on the page with the field marked.
 */
@Controller
@PreAuthorize("hasRole('STAFF')")
class LedgerPageController {

  private static final String VIEW = "credits/ledger/manage";
  private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

  private final Ledger ledger;
  private final MemberDirectory members;
  private final HourStatements statements;
  private final Clock clock;

  LedgerPageController(
      Ledger ledger, MemberDirectory members, HourStatements statements, Clock clock) {
    this.ledger = ledger;
    this.members = members;
    this.statements = statements;
    this.clock = clock;
  }

  @GetMapping("/manage/hours")
  String page(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "") String memberNo,
      @RequestParam(defaultValue = "") String year,
      Model model) {
    String search = q.strip();
    model.addAttribute("q", search);
    if (!memberNo.isBlank()) {
      return member(user, memberNo.strip(), year, model, Map.of(), Map.of(), null, null);
    }
    model.addAttribute("year", year(year, model));
    if (!search.isEmpty()) {
      String text = search.length() > 50 ? search.substring(0, 50) : search;
      model.addAttribute(
          "found", members.list(user, new MemberQuery(null, null, text), new Paging(1, 50)));
    }
    return VIEW;
  }

  @PostMapping("/manage/hours/{memberNo}/entries")
  String add(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable String memberNo,
      @RequestParam(required = false) @Nullable String year,
      @RequestParam(required = false) @Nullable String date,
      @RequestParam(required = false) @Nullable String hours,
      @RequestParam(required = false) @Nullable String ethicsHours,
      @RequestParam(required = false) @Nullable String note,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    ManualEntryInput input = new ManualEntryInput(year, date, hours, ethicsHours, null, note);
    try {
      ledger.add(user, memberNo, input, ClientAddress.of(request));
    } catch (CmisException e) {
      if (e.code() != ErrorCode.VALIDATION_FAILED) {
        throw e;
      }
      Map<String, String> typed = new LinkedHashMap<>();
      typed.put("year", orEmpty(year));
      typed.put("date", orEmpty(date));
      typed.put("hours", orEmpty(hours));
      typed.put("ethicsHours", orEmpty(ethicsHours));
      typed.put("note", cut(note));
      return member(user, memberNo, orEmpty(year), model, typed, errors(e), null, null);
    }
    redirect.addFlashAttribute("flash", "ledger.flash.added");
    return back(memberNo, orEmpty(year));
  }

  @PostMapping("/manage/hours/entries/{id}/reverse")
  String reverse(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String memberNo,
      @RequestParam(defaultValue = "") String year,
      @RequestParam(required = false) @Nullable String reason,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    try {
      ledger.reverse(user, id, reason, ClientAddress.of(request));
    } catch (CmisException e) {
      if (e.code() != ErrorCode.VALIDATION_FAILED && e.code() != ErrorCode.INVALID_STATE) {
        throw e;
      }
      return member(
          user,
          memberNo,
          year,
          model,
          Map.of(),
          Map.of(),
          new Refusal(id, e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message()),
          cut(reason));
    }
    redirect.addFlashAttribute("flash", "ledger.flash.reversed");
    return back(memberNo, year);
  }

  /** A refused reversal: the entry's row shows the message under its reason field. */
  public record Refusal(long entryId, String message) {}

  private String member(
      CurrentUser user,
      String memberNo,
      String yearText,
      Model model,
      Map<String, String> typed,
      Map<String, List<String>> errors,
      @Nullable Refusal refusal,
      @Nullable String typedReason) {
    MemberProfile m = ledger.member(user, memberNo);
    int y = year(yearText, model);
    model.addAttribute("year", y);
    model.addAttribute("member", m);
    model.addAttribute("statement", statements.statement(m, y));
    model.addAttribute("entries", ledger.entries(user, m.memberNo(), y));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("year", Integer.toString(y));
    form.put("date", defaultDate(y).toString());
    form.put("hours", "");
    form.put("ethicsHours", "0");
    form.put("note", "");
    form.putAll(typed);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("refusal", refusal);
    model.addAttribute("typedReason", typedReason == null ? "" : typedReason);
    return VIEW;
  }

  /** The year asked for, or this year with a message when it is not one (0, 99999, "abc"). */
  private int year(String text, Model model) {
    int thisYear = LocalDate.now(clock).getYear();
    model.addAttribute("thisYear", thisYear);
    model.addAttribute("years", years(thisYear));
    String t = text.strip();
    if (t.isEmpty()) {
      return thisYear;
    }
    if (YEAR.matcher(t).matches()) {
      int y = Integer.parseInt(t);
      if (y >= 2000 && y <= 2100) {
        return y;
      }
    }
    model.addAttribute("yearError", "ledger.error.year");
    return thisYear;
  }

  private static List<Integer> years(int thisYear) {
    List<Integer> years = new ArrayList<>();
    for (int y = thisYear + 1; y >= Math.max(2000, thisYear - 9); y--) {
      years.add(y);
    }
    return years;
  }

  private LocalDate defaultDate(int year) {
    LocalDate today = LocalDate.now(clock);
    return today.getYear() == year ? today : LocalDate.of(year, 12, 31);
  }

  private static Map<String, List<String>> errors(CmisException e) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (FieldError error : e.errors()) {
      errors.computeIfAbsent(error.field(), f -> new ArrayList<>()).add(error.message());
    }
    return errors;
  }

  private static String back(String memberNo, String year) {
    UriComponentsBuilder uri =
        UriComponentsBuilder.fromPath("/manage/hours").queryParam("memberNo", memberNo);
    if (YEAR.matcher(year.strip()).matches()) {
      uri.queryParam("year", year.strip());
    }
    return "redirect:" + uri.encode().build().toUriString();
  }

  private static String orEmpty(@Nullable String text) {
    return text == null ? "" : text;
  }

  /** What was typed, given back unless it is absurdly long. */
  private static String cut(@Nullable String text) {
    return text == null || text.length() > ManualEntryInput.MAX_NOTE * 2 ? "" : text;
  }
}
