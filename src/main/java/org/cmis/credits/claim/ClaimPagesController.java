package org.cmis.credits.claim;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cmis.credits.ComplianceRule;
import org.cmis.credits.HourCategory;
import org.cmis.credits.HourStatements;
import org.cmis.credits.Statement;
import org.cmis.credits.compliance.ComplianceRules;
import org.cmis.membership.MemberDirectory;
import org.cmis.membership.MemberProfile;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.Role;
import org.cmis.shared.upload.Upload;
import org.cmis.shared.web.ClientAddress;
import org.cmis.shared.web.PageLinks;
import org.cmis.shared.web.TypedDates;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of 产出法形式学时 (ISSUE 14): the member's claims (new, edit, submit, withdraw) with what the
 * rule would grant and the year's cap left shown before submitting; a firm's read-only list of its
 * people's claims; the staff's review queue and review actions; one claim's page for everyone who
 * may see it, with its evidence (images inline, PDFs opened in the browser's viewer). Wrong input
 * comes back on the page with the field marked; a refusal (a duplicate, the cap) as a message.
 */
@Controller
class ClaimPagesController {

  private static final String FORM = "claims/form";
  private static final String DETAIL = "claims/detail";

  private final Claims claims;
  private final MemberDirectory members;
  private final HourStatements statements;
  private final ComplianceRules rules;
  private final MessageSource texts;

  ClaimPagesController(
      Claims claims,
      MemberDirectory members,
      HourStatements statements,
      ComplianceRules rules,
      MessageSource texts) {
    this.claims = claims;
    this.members = members;
    this.statements = statements;
    this.rules = rules;
    this.texts = texts;
  }

  // ---- lists

  @GetMapping("/claims")
  @PreAuthorize("hasAnyRole('MEMBER','FIRM')")
  String list(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(defaultValue = "") String type,
      @RequestParam(defaultValue = "") String status,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) @Nullable String page,
      @RequestParam(required = false) @Nullable String size,
      Model model) {
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("type", type.strip());
    filters.put("status", status.strip());
    filters.put("q", cut(q.strip(), 50));
    Claims.Query query =
        new Claims.Query(
            null, null, filters.get("type"), status(status), null, null, filters.get("q"));
    PageResult<Claim> result =
        claims.list(user, query, new Paging(PageLinks.page(page), PageLinks.size(size)));
    model.addAttribute("result", result);
    model.addAttribute("pager", PageLinks.of("/claims", filters, result));
    model.addAttribute("filters", filters);
    model.addAttribute("types", claims.activeTypes());
    model.addAttribute("statuses", ClaimStatus.values());
    if (user.is(Role.MEMBER)) {
      int year = claims.today().getYear();
      model.addAttribute("year", year);
      model.addAttribute("capsLeft", claims.capsLeft(user, year));
      outputCap(user, year, model);
    }
    return "claims/list";
  }

  @GetMapping("/manage/claims")
  @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
  String queue(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(defaultValue = "") String type,
      @RequestParam(defaultValue = "PENDING") String status,
      @RequestParam(defaultValue = "") String firmNo,
      @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) @Nullable String page,
      @RequestParam(required = false) @Nullable String size,
      Model model) {
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("type", type.strip());
    filters.put("status", status.strip());
    filters.put("firmNo", cut(firmNo.strip(), 8));
    filters.put("from", cut(from.strip(), 10));
    filters.put("to", cut(to.strip(), 10));
    filters.put("q", cut(q.strip(), 50));
    Map<String, String> errors = new LinkedHashMap<>();
    // One-tab-stop date fields (ADR 0038): a bad date is marked under its field.
    TypedDates dates = new TypedDates();
    LocalDate f = dates.parse("from", filters.get("from"));
    LocalDate t = dates.parse("to", filters.get("to"));
    dates.range(f, "to", t);
    PageResult<Claim> result;
    try {
      result =
          claims.list(
              user,
              new Claims.Query(
                  filters.get("firmNo"),
                  null,
                  filters.get("type"),
                  status(status),
                  f,
                  t,
                  filters.get("q")),
              new Paging(PageLinks.page(page), PageLinks.size(size)));
    } catch (CmisException e) {
      if (e.code() != ErrorCode.FORBIDDEN) {
        throw e;
      }
      errors.put("firmNo", "claims.queue.firmElsewhere");
      result = new PageResult<>(List.of(), 0, 1, Paging.DEFAULT_SIZE);
    }
    model.addAttribute("result", result);
    model.addAttribute("pager", PageLinks.of("/manage/claims", filters, result));
    model.addAttribute("filters", filters);
    model.addAttribute("errors", errors);
    model.addAttribute("dates", dates);
    model.addAttribute("types", claims.activeTypes());
    model.addAttribute("statuses", ClaimStatus.values());
    return "claims/queue";
  }

  // ---- the member's form

  @GetMapping("/claims/new")
  @PreAuthorize("hasRole('MEMBER')")
  String newForm(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(defaultValue = "") String type,
      Model model) {
    Map<String, String> form = emptyForm();
    form.put("type", type.strip());
    return form(user, null, form, Map.of(), null, model);
  }

  @PostMapping("/claims/new")
  @PreAuthorize("hasRole('MEMBER')")
  String create(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam Map<String, String> params,
      @RequestParam(name = "evidence", required = false) @Nullable List<MultipartFile> files,
      @RequestParam(defaultValue = "draft") String action,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    ClaimInput input = input(params);
    if (action.equals("preview")) {
      return preview(user, null, input, params, model);
    }
    Claim c;
    try {
      c =
          claims.create(
              user, input, Upload.of(files, EvidenceRules.MAX_BYTES), ClientAddress.of(request));
    } catch (CmisException e) {
      if (e.code() != ErrorCode.VALIDATION_FAILED) {
        throw e;
      }
      return form(user, null, typed(params), errors(e), null, model);
    }
    return afterSave(user, c.id(), action, request, redirect);
  }

  @GetMapping("/claims/{id}/edit")
  @PreAuthorize("hasRole('MEMBER')")
  String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
    Claim c = claims.get(user, id);
    if (!c.status().editable() || !c.memberNo().equals(user.memberNo())) {
      return "redirect:/claims/" + id;
    }
    Map<String, String> form = emptyForm();
    form.put("type", c.type());
    form.put("title", c.title());
    form.put("workDate", c.workDate().toString());
    form.put("description", c.description());
    form.put("identifier", c.identifier());
    form.put("units", c.units() == null ? "" : c.units().toPlainString());
    form.put("authors", Integer.toString(c.authors()));
    form.put("hoursClaimed", c.hoursClaimed().toPlainString());
    return form(user, c, form, Map.of(), null, model);
  }

  @PostMapping("/claims/{id}/edit")
  @PreAuthorize("hasRole('MEMBER')")
  String update(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      @RequestParam Map<String, String> params,
      @RequestParam(name = "evidence", required = false) @Nullable List<MultipartFile> files,
      @RequestParam(name = "removeEvidence", required = false) @Nullable List<String> remove,
      @RequestParam(defaultValue = "draft") String action,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    ClaimInput input = input(params);
    Claim c = claims.get(user, id);
    if (action.equals("preview")) {
      return preview(user, c, input, params, model);
    }
    List<Long> ids = new ArrayList<>();
    for (String r : remove == null ? List.<String>of() : remove) {
      try {
        ids.add(Long.parseLong(r.strip()));
      } catch (NumberFormatException e) {
        // not one of ours: nothing to remove
      }
    }
    try {
      claims.update(
          user,
          id,
          input,
          Upload.of(files, EvidenceRules.MAX_BYTES),
          ids,
          ClientAddress.of(request));
    } catch (CmisException e) {
      if (e.code() == ErrorCode.INVALID_STATE) {
        redirect.addFlashAttribute("refusal", message(e));
        return "redirect:/claims/" + id;
      }
      if (e.code() != ErrorCode.VALIDATION_FAILED) {
        throw e;
      }
      return form(user, c, typed(params), errors(e), null, model);
    }
    return afterSave(user, id, action, request, redirect);
  }

  private String afterSave(
      CurrentUser user,
      long id,
      String action,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    if (action.equals("submit")) {
      return submitted(user, id, request, redirect);
    }
    redirect.addFlashAttribute("flash", "claims.flash.saved");
    return "redirect:/claims/" + id;
  }

  private String preview(
      CurrentUser user,
      @Nullable Claim c,
      ClaimInput input,
      Map<String, String> params,
      Model model) {
    try {
      Claims.Preview p = claims.preview(user, c == null ? null : c.id(), input);
      return form(user, c, typed(params), Map.of(), p, model);
    } catch (CmisException e) {
      if (e.code() != ErrorCode.VALIDATION_FAILED) {
        throw e;
      }
      return form(user, c, typed(params), errors(e), null, model);
    }
  }

  private String form(
      CurrentUser user,
      @Nullable Claim claim,
      Map<String, String> form,
      Map<String, List<String>> errors,
      Claims.@Nullable Preview preview,
      Model model) {
    int year = claims.today().getYear();
    model.addAttribute("claim", claim);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("preview", preview);
    model.addAttribute("types", claims.activeTypes());
    model.addAttribute("year", year);
    model.addAttribute("capsLeft", claims.capsLeft(user, year));
    model.addAttribute("maxFiles", EvidenceRules.MAX_FILES);
    outputCap(user, year, model);
    return FORM;
  }

  // ---- one claim

  @GetMapping("/claims/{id}")
  String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
    Claim c = claims.get(user, id);
    model.addAttribute("claim", c);
    model.addAttribute("submittedAt", time(c.submittedAt()));
    model.addAttribute("decidedAt", time(c.decidedAt()));
    for (String name : List.of("reviewForm", "typedHours", "typedReason")) {
      if (!model.containsAttribute(name)) {
        model.addAttribute(name, "");
      }
    }
    if (!model.containsAttribute("reviewErrors")) {
      model.addAttribute("reviewErrors", Map.of());
    }
    boolean own = user.is(Role.MEMBER) && c.memberNo().equals(user.memberNo());
    model.addAttribute("own", own);
    model.addAttribute("reviewer", user.is(Role.STAFF));
    model.addAttribute("showEvidence", !user.is(Role.FIRM));
    if (own && c.status().editable()) {
      try {
        model.addAttribute("preview", claims.preview(user, c.id(), Claims.inputOf(c)));
      } catch (CmisException e) {
        model.addAttribute("preview", null);
      }
    }
    if (c.similarTo() != null && user.is(Role.STAFF)) {
      try {
        model.addAttribute("similar", claims.get(user, c.similarTo()));
      } catch (CmisException e) {
        model.addAttribute("similar", null);
      }
    }
    if (user.is(Role.STAFF)) {
      members
          .profile(c.memberNo())
          .ifPresent(
              m -> {
                Statement s = statements.statement(m, c.year());
                model.addAttribute("statement", s);
                model.addAttribute(
                    "statementOutput",
                    s.byCategory().getOrDefault(HourCategory.OUTPUT, BigDecimal.ZERO));
              });
    }
    return DETAIL;
  }

  @PostMapping("/claims/{id}/submit")
  @PreAuthorize("hasRole('MEMBER')")
  String submit(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    return submitted(user, id, request, redirect);
  }

  private String submitted(
      CurrentUser user, long id, HttpServletRequest request, RedirectAttributes redirect) {
    try {
      claims.submit(user, id, ClientAddress.of(request));
      redirect.addFlashAttribute("flash", "claims.flash.submitted");
    } catch (CmisException e) {
      if (e.code() == ErrorCode.NOT_FOUND || e.code() == ErrorCode.FORBIDDEN) {
        throw e;
      }
      redirect.addFlashAttribute("refusal", message(e));
    }
    return "redirect:/claims/" + id;
  }

  @PostMapping("/claims/{id}/withdraw")
  @PreAuthorize("hasRole('MEMBER')")
  String withdraw(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    try {
      claims.withdraw(user, id, ClientAddress.of(request));
      redirect.addFlashAttribute("flash", "claims.flash.withdrawn");
    } catch (CmisException e) {
      if (e.code() != ErrorCode.INVALID_STATE) {
        throw e;
      }
      redirect.addFlashAttribute("refusal", message(e));
    }
    return "redirect:/claims/" + id;
  }

  @GetMapping("/claims/{id}/evidence/{evidenceId}")
  ResponseEntity<byte[]> evidence(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      @PathVariable long evidenceId,
      @RequestParam(defaultValue = "false") boolean inline) {
    return ClaimRestController.file(claims.evidence(user, id, evidenceId), inline);
  }

  // ---- review

  @PostMapping("/manage/claims/{id}/approve")
  @PreAuthorize("hasRole('STAFF')")
  String approve(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      @RequestParam(defaultValue = "full") String mode,
      @RequestParam(required = false) @Nullable String hours,
      @RequestParam(required = false) @Nullable String reason,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    String h = mode.equals("partial") ? (hours == null ? "" : hours) : null;
    String why = mode.equals("partial") ? reason : null;
    return review(
        user,
        id,
        "approve",
        () -> claims.approve(user, id, h, why, ClientAddress.of(request)),
        "claims.flash.approved",
        hours,
        reason,
        model,
        redirect);
  }

  @PostMapping("/manage/claims/{id}/return")
  @PreAuthorize("hasRole('STAFF')")
  String returnClaim(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      @RequestParam(required = false) @Nullable String reason,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    return review(
        user,
        id,
        "return",
        () -> claims.returnClaim(user, id, reason, ClientAddress.of(request)),
        "claims.flash.returned",
        null,
        reason,
        model,
        redirect);
  }

  @PostMapping("/manage/claims/{id}/reverse")
  @PreAuthorize("hasRole('STAFF')")
  String reverse(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      @RequestParam(required = false) @Nullable String reason,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    return review(
        user,
        id,
        "reverse",
        () -> claims.reverse(user, id, reason, ClientAddress.of(request)),
        "claims.flash.reversed",
        null,
        reason,
        model,
        redirect);
  }

  private String review(
      CurrentUser user,
      long id,
      String form,
      java.util.function.Supplier<Claim> action,
      String flash,
      @Nullable String hours,
      @Nullable String reason,
      Model model,
      RedirectAttributes redirect) {
    try {
      action.get();
      redirect.addFlashAttribute("flash", flash);
      return "redirect:/claims/" + id;
    } catch (CmisException e) {
      if (e.code() == ErrorCode.NOT_FOUND || e.code() == ErrorCode.FORBIDDEN) {
        throw e;
      }
      model.addAttribute("reviewForm", form);
      model.addAttribute("reviewErrors", errors(e));
      model.addAttribute("refusal", e.code() == ErrorCode.VALIDATION_FAILED ? null : message(e));
      model.addAttribute("typedHours", hours == null ? "" : cut(hours, 10));
      model.addAttribute("typedReason", reason == null ? "" : cut(reason, 1000));
      return show(user, id, model);
    }
  }

  // ---- helpers

  /** The 16-hour (or configured) cap of output-based hours in the member's statement, if any. */
  private void outputCap(CurrentUser user, int year, Model model) {
    if (user.memberNo() == null) {
      return;
    }
    MemberProfile m = members.profile(user.memberNo()).orElse(null);
    if (m == null) {
      return;
    }
    ComplianceRule rule = rules.forYear(year).get(m.category());
    Statement s = statements.statement(m, year);
    BigDecimal output = s.byCategory().getOrDefault(HourCategory.OUTPUT, BigDecimal.ZERO);
    model.addAttribute("outputHours", output);
    model.addAttribute("outputCap", rule == null ? null : rule.outputCap());
  }

  private static ClaimInput input(Map<String, String> p) {
    return new ClaimInput(
        p.get("type"),
        p.get("title"),
        p.get("workDate"),
        p.get("description"),
        p.get("identifier"),
        p.get("units"),
        p.get("authors"),
        p.get("hoursClaimed"));
  }

  private static Map<String, String> emptyForm() {
    Map<String, String> form = new LinkedHashMap<>();
    for (String f :
        List.of(
            "type",
            "title",
            "workDate",
            "description",
            "identifier",
            "units",
            "authors",
            "hoursClaimed")) {
      form.put(f, "");
    }
    form.put("authors", "1");
    return form;
  }

  private static Map<String, String> typed(Map<String, String> params) {
    Map<String, String> form = emptyForm();
    for (String k : List.copyOf(form.keySet())) {
      String v = params.get(k);
      if (v != null) {
        form.put(k, cut(v, k.equals("description") ? 4000 : 400));
      }
    }
    return form;
  }

  private static Map<String, List<String>> errors(CmisException e) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (FieldError error : e.errors()) {
      errors.computeIfAbsent(error.field(), f -> new ArrayList<>()).add(error.message());
    }
    return errors;
  }

  private String message(CmisException e) {
    Locale locale = LocaleContextHolder.getLocale();
    return texts.getMessage(e.getMessage(), null, e.getMessage(), locale);
  }

  private static @Nullable ClaimStatus status(String text) {
    String t = text.strip();
    for (ClaimStatus s : ClaimStatus.values()) {
      if (s.name().equals(t)) {
        return s;
      }
    }
    return null;
  }

  private static String time(java.time.@Nullable OffsetDateTime t) {
    return t == null
        ? ""
        : t.atZoneSameInstant(org.cmis.shared.BusinessTime.ZONE)
            .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
  }

  private static String cut(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }
}
