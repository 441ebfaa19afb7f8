package org.cmis.credits.statement;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cmis.credits.HourEntry;
import org.cmis.credits.HourStatements;
import org.cmis.credits.Statement;
import org.cmis.membership.InstituteDirectory;
import org.cmis.membership.MemberDirectory;
import org.cmis.membership.MemberProfile;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.Role;
import org.cmis.shared.web.PageLinks;
import org.cmis.training.ClassCatalog;
import org.cmis.training.ClassCatalog.ClassOffer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The hours pages (F5.4): 学时查询 of a member (its year, the entries, the classes it may still take),
 * 注册会计师培训情况查询 of a firm, staff or admin (the people of their scope, filtered, paged, exported),
 * each firm's completion rate and the year-end shortfall export for staff and admin. A year that is
 * not 2000–2100 shows a message and the current year.
 */
@Controller
class HoursPagesController {

  /** How many open classes 学时查询 suggests. */
  static final int OFFERS = 10;

  /** Text filters longer than this are cut (as the other list pages do). */
  private static final int MAX_TEXT = 50;

  private final HourStatements statements;
  private final HoursList list;
  private final MemberDirectory members;
  private final InstituteDirectory institutes;
  private final ClassCatalog catalog;
  private final StatementExport export;
  private final Clock clock;

  HoursPagesController(
      HourStatements statements,
      HoursList list,
      MemberDirectory members,
      InstituteDirectory institutes,
      ClassCatalog catalog,
      StatementExport export,
      Clock clock) {
    this.statements = statements;
    this.list = list;
    this.members = members;
    this.institutes = institutes;
    this.catalog = catalog;
    this.export = export;
    this.clock = clock;
  }

  @GetMapping("/hours")
  @PreAuthorize("hasRole('MEMBER')")
  String member(
      @AuthenticationPrincipal CurrentUser me,
      @RequestParam(required = false) @Nullable String year,
      Model model) {
    int y = year(year, model);
    MemberProfile profile =
        members
            .profile(String.valueOf(me.memberNo()))
            .orElseThrow(() -> new CmisException(ErrorCode.NOT_FOUND, "error.NOT_FOUND"));
    Statement s = statements.statement(profile, y);
    List<HourEntry> entries = s.entries() == null ? List.of() : s.entries();
    Set<Long> reversed =
        entries.stream()
            .map(HourEntry::reverses)
            .filter(java.util.Objects::nonNull)
            .collect(Collectors.toSet());
    model.addAttribute("s", s);
    model.addAttribute("entries", entries);
    model.addAttribute("reversed", reversed);
    model.addAttribute("percent", percent(s.completedHours(), s.requiredHours()));
    model.addAttribute("ethicsPercent", percent(s.ethicsHours(), s.requiredEthicsHours()));
    boolean ethicsShort = s.ethicsShortfall().signum() > 0;
    model.addAttribute("ethicsShort", ethicsShort);
    List<ClassOffer> offers = List.of();
    if (!s.compliant()) {
      offers = new ArrayList<>(catalog.classesToTake(me, y, 100));
      if (ethicsShort) {
        offers.sort(
            Comparator.comparing((ClassOffer o) -> o.ethicsHours().signum() > 0 ? 0 : 1)
                .thenComparing(ClassOffer::ethicsHours, Comparator.reverseOrder()));
      }
      offers = offers.stream().filter(o -> o.hours().signum() > 0).limit(OFFERS).toList();
    }
    model.addAttribute("offers", offers);
    model.addAttribute("outputCapped", outputCapped(s));
    return "credits/statement/hours";
  }

  @GetMapping("/hours/people")
  @PreAuthorize("hasAnyRole('FIRM','STAFF','ADMIN')")
  String people(
      @AuthenticationPrincipal CurrentUser caller,
      @RequestParam(required = false) @Nullable String year,
      @RequestParam(name = "short", required = false) @Nullable String shortOnly,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String firmNo,
      @RequestParam(required = false) @Nullable String institute,
      @RequestParam(required = false) @Nullable String page,
      @RequestParam(required = false) @Nullable String size,
      Model model) {
    int y = year(year, model);
    Filters f = new Filters(caller, y, shortOnly, q, firmNo, institute);
    Paging paging = new Paging(PageLinks.page(page), PageLinks.size(size));
    HoursList.Counted counted = list.counted(caller, y, f.query(), paging, true);
    PageResult<Statement> result = counted.result();
    paging = new Paging(result.page(), result.size());
    model.addAttribute("result", result);
    model.addAttribute("firstIndex", paging.offset());
    model.addAttribute("compliantCount", counted.compliant());
    model.addAttribute("shortCount", counted.shortOnes());
    model.addAttribute("firmNames", list.firmNames(result.items()));
    model.addAttribute("pager", PageLinks.of("/hours/people", f.params(), result));
    model.addAttribute("f", f);
    model.addAttribute("exportHref", PageLinks.href("/hours/people/export", f.params(), 1, 20));
    model.addAttribute("institutes", caller.is(Role.ADMIN) ? institutes.all() : List.of());
    return "credits/statement/people";
  }

  @GetMapping("/hours/people/export")
  @PreAuthorize("hasAnyRole('FIRM','STAFF','ADMIN')")
  ResponseEntity<byte[]> exportPeople(
      @AuthenticationPrincipal CurrentUser caller,
      @RequestParam(required = false) @Nullable String year,
      @RequestParam(name = "short", required = false) @Nullable String shortOnly,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String firmNo,
      @RequestParam(required = false) @Nullable String institute) {
    int y = strictYear(year);
    Filters f = new Filters(caller, y, shortOnly, q, firmNo, institute);
    List<Statement> all = list.all(caller, y, f.query());
    return export.people(y, all, list.firmNames(all));
  }

  @GetMapping("/hours/firms")
  @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
  String firms(
      @AuthenticationPrincipal CurrentUser caller,
      @RequestParam(required = false) @Nullable String year,
      @RequestParam(required = false) @Nullable String sort,
      @RequestParam(required = false) @Nullable String institute,
      Model model) {
    int y = year(year, model);
    String inst = caller.is(Role.ADMIN) ? clean(institute) : null;
    List<HoursList.FirmRate> rates = new ArrayList<>(list.firmRates(caller, y, inst));
    boolean byRate = !"firmNo".equals(sort);
    if (byRate) {
      rates.sort(
          Comparator.comparing(HoursList.FirmRate::rate).thenComparing(HoursList.FirmRate::firmNo));
    }
    model.addAttribute("rates", rates);
    model.addAttribute("sort", byRate ? "rate" : "firmNo");
    model.addAttribute("institute", inst == null ? "" : inst);
    model.addAttribute("institutes", caller.is(Role.ADMIN) ? institutes.all() : List.of());
    Map<String, String> params = new LinkedHashMap<>();
    params.put("year", String.valueOf(y));
    if (inst != null) {
      params.put("institute", inst);
    }
    model.addAttribute("shortfallHref", PageLinks.href("/hours/shortfall/export", params, 1, 20));
    return "credits/statement/firms";
  }

  @GetMapping("/hours/shortfall/export")
  @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
  ResponseEntity<byte[]> shortfall(
      @AuthenticationPrincipal CurrentUser caller,
      @RequestParam(required = false) @Nullable String year,
      @RequestParam(required = false) @Nullable String institute) {
    int y = strictYear(year);
    String inst = caller.is(Role.ADMIN) ? clean(institute) : null;
    List<CountedHours.Figures> shortOnes = list.shortOnes(caller, y, inst);
    return export.shortfall(
        y, shortOnes, list.firmNamesOf(shortOnes.stream().map(f -> f.member().firmNo()).toList()));
  }

  /** The page's filters, as typed and as a query. */
  record Filters(
      int year,
      String shortOnly,
      String q,
      String firmNo,
      String institute,
      boolean admin,
      boolean firm) {

    Filters(
        CurrentUser caller,
        int year,
        @Nullable String shortOnly,
        @Nullable String q,
        @Nullable String firmNo,
        @Nullable String institute) {
      this(
          year,
          "true".equals(shortOnly) || "false".equals(shortOnly) ? shortOnly : "",
          cleanText(q),
          caller.is(Role.FIRM) ? "" : cleanText(firmNo),
          caller.is(Role.ADMIN) ? cleanText(institute) : "",
          caller.is(Role.ADMIN),
          caller.is(Role.FIRM));
    }

    HoursList.Query query() {
      return new HoursList.Query(
          firmNo.isEmpty() ? null : firmNo,
          null,
          q.isEmpty() ? null : q,
          shortOnly.isEmpty() ? null : !Boolean.parseBoolean(shortOnly),
          institute.isEmpty() ? null : institute);
    }

    Map<String, String> params() {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("year", String.valueOf(year));
      if (!shortOnly.isEmpty()) {
        p.put("short", shortOnly);
      }
      if (!q.isEmpty()) {
        p.put("q", q);
      }
      if (!firmNo.isEmpty()) {
        p.put("firmNo", firmNo);
      }
      if (!institute.isEmpty()) {
        p.put("institute", institute);
      }
      return p;
    }
  }

  private static String cleanText(@Nullable String value) {
    String t = value == null ? "" : value.trim();
    return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t;
  }

  private static @Nullable String clean(@Nullable String value) {
    String t = cleanText(value);
    return t.isEmpty() ? null : t;
  }

  /** The page's year, or the current one with a message when the value is not a year. */
  private int year(@Nullable String value, Model model) {
    Integer y = Years.parse(value);
    if (Years.invalid(value)) {
      model.addAttribute("yearError", "compliance.error.year");
    }
    int current = Years.current(clock);
    int shown = y == null ? current : y;
    model.addAttribute("year", shown);
    List<Integer> years =
        new ArrayList<>(IntStream.rangeClosed(current - 4, current).boxed().toList());
    if (!years.contains(shown)) {
      years.add(shown);
      years.sort(null);
    }
    java.util.Collections.reverse(years);
    model.addAttribute("years", years);
    return shown;
  }

  /** A download's year: a wrong one is a bad request (the page never links one). */
  private int strictYear(@Nullable String value) {
    if (Years.invalid(value)) {
      throw new CmisException(ErrorCode.MALFORMED_REQUEST, "compliance.error.year");
    }
    Integer y = Years.parse(value);
    return y == null ? Years.current(clock) : y;
  }

  static int percent(BigDecimal done, BigDecimal required) {
    if (required.signum() <= 0) {
      return 100;
    }
    return done.multiply(BigDecimal.valueOf(100))
        .divide(required, 0, java.math.RoundingMode.DOWN)
        .min(BigDecimal.valueOf(100))
        .max(BigDecimal.ZERO)
        .intValue();
  }

  /** Whether the year's output-based hours pass the rule's cap (the excess does not count). */
  private static @Nullable BigDecimal outputCapped(Statement s) {
    BigDecimal output =
        s.byCategory().getOrDefault(org.cmis.credits.HourCategory.OUTPUT, BigDecimal.ZERO);
    BigDecimal input =
        s.byCategory()
            .getOrDefault(org.cmis.credits.HourCategory.TRAINING, BigDecimal.ZERO)
            .add(
                s.byCategory()
                    .getOrDefault(org.cmis.credits.HourCategory.EXTERNAL, BigDecimal.ZERO));
    BigDecimal counted = s.completedHours().subtract(s.carriedOverHours());
    BigDecimal cap = counted.subtract(input.max(BigDecimal.ZERO));
    return output.compareTo(cap) > 0 ? cap.max(BigDecimal.ZERO) : null;
  }
}
