package org.cmis.credits.compliance;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cmis.credits.ComplianceRule;
import org.cmis.membership.MemberCategory;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.web.ClientAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 学时规则 (F5.6), admin's settings page: a year selector, and per member category a form with the
 * fields of the rule in force. Saving validates every field at once; an invalid one is marked with
 * its message and the typed values stay.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ComplianceRulesController {

  static final String PAGE = "/admin/compliance-rules";
  static final List<String> FIELDS =
      List.of(
          "requiredHours",
          "requiredEthicsHours",
          "outputCap",
          "inputMinimum",
          "carryOverCap",
          "cycleYears",
          "cycleHours");

  private final ComplianceRules rules;
  private final Clock clock;

  ComplianceRulesController(ComplianceRules rules, Clock clock) {
    this.rules = rules;
    this.clock = clock;
  }

  @GetMapping(PAGE)
  String page(@RequestParam(required = false) @Nullable String year, Model model) {
    int y = year(year, model);
    return render(y, null, Map.of(), Map.of(), model);
  }

  @PostMapping(PAGE)
  String save(
      @AuthenticationPrincipal CurrentUser admin,
      @RequestParam Map<String, String> form,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    Integer y = parseYear(form.get("year"));
    MemberCategory category = category(form.get("category"));
    if (y == null || category == null) {
      throw new CmisException(ErrorCode.MALFORMED_REQUEST, "error.MALFORMED_REQUEST");
    }
    Map<String, String> typed = new LinkedHashMap<>();
    Map<String, String> errors = new HashMap<>();
    for (String f : FIELDS) {
      typed.put(f, form.getOrDefault(f, "").trim());
    }
    RuleInput input =
        new RuleInput(
            decimal(typed, "requiredHours", errors),
            decimal(typed, "requiredEthicsHours", errors),
            decimal(typed, "outputCap", errors),
            decimal(typed, "inputMinimum", errors),
            decimal(typed, "carryOverCap", errors),
            integer(typed, "cycleYears", errors),
            decimal(typed, "cycleHours", errors));
    if (errors.isEmpty()) {
      try {
        rules.save(admin, y, category, input, ClientAddress.of(request));
        redirect.addFlashAttribute("saved", category.name());
        return "redirect:" + PAGE + "?year=" + y;
      } catch (CmisException e) {
        if (e.code() != ErrorCode.VALIDATION_FAILED) {
          throw e;
        }
        e.errors().forEach(fe -> errors.putIfAbsent(fe.field(), fe.message()));
      }
    } else {
      // Mark every other invalid field too, not only the ones that are not numbers.
      try {
        input.validate(y, category);
      } catch (CmisException e) {
        e.errors().forEach(fe -> errors.putIfAbsent(fe.field(), fe.message()));
      }
    }
    model.addAttribute("selectedYear", y);
    return render(y, category, typed, errors, model);
  }

  private String render(
      int year,
      @Nullable MemberCategory failed,
      Map<String, String> typed,
      Map<String, String> errors,
      Model model) {
    Map<MemberCategory, ComplianceRule> inForce = rules.forYear(year);
    Map<String, Map<String, String>> values = new LinkedHashMap<>();
    for (MemberCategory c : MemberCategory.values()) {
      values.put(c.name(), c == failed ? typed : shown(inForce.get(c)));
    }
    int current = LocalDate.now(clock).getYear();
    model.addAttribute("year", year);
    model.addAttribute(
        "years", java.util.stream.IntStream.rangeClosed(current - 5, current + 2).boxed().toList());
    model.addAttribute("categories", MemberCategory.values());
    model.addAttribute("values", values);
    model.addAttribute("failed", failed == null ? "" : failed.name());
    model.addAttribute("fields", FIELDS);
    model.addAttribute("errors", errors);
    model.addAttribute("ownYears", rules.ownYears(year));
    return "credits/compliance/rules";
  }

  private static Map<String, String> shown(ComplianceRule rule) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("requiredHours", text(rule.requiredHours()));
    v.put("requiredEthicsHours", text(rule.requiredEthicsHours()));
    v.put("outputCap", text(rule.outputCap()));
    v.put("inputMinimum", text(rule.inputMinimum()));
    v.put("carryOverCap", text(rule.carryOverCap()));
    v.put("cycleYears", rule.cycleYears() == null ? "" : rule.cycleYears().toString());
    v.put("cycleHours", text(rule.cycleHours()));
    return v;
  }

  private static String text(@Nullable BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString();
  }

  private int year(@Nullable String value, Model model) {
    Integer y = parseYear(value);
    if (y == null) {
      if (value != null && !value.isBlank()) {
        model.addAttribute("yearError", "compliance.error.year");
      }
      y = LocalDate.now(clock).getYear();
    }
    model.addAttribute("selectedYear", y);
    return y;
  }

  private static @Nullable Integer parseYear(@Nullable String value) {
    if (value == null || !value.trim().matches("[0-9]{4}")) {
      return null;
    }
    int y = Integer.parseInt(value.trim());
    return y < 2000 || y > 2100 ? null : y;
  }

  private static @Nullable MemberCategory category(@Nullable String value) {
    for (MemberCategory c : MemberCategory.values()) {
      if (c.name().equals(value)) {
        return c;
      }
    }
    return null;
  }

  private static @Nullable BigDecimal decimal(
      Map<String, String> typed, String field, Map<String, String> errors) {
    String v = typed.get(field);
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (!v.matches("[0-9]{1,4}(\\.[0-9]{1,2})?")) {
      errors.put(field, "compliance.error.number");
      return null;
    }
    return new BigDecimal(v);
  }

  private static @Nullable Integer integer(
      Map<String, String> typed, String field, Map<String, String> errors) {
    String v = typed.get(field);
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (!v.matches("[0-9]{1,2}")) {
      errors.put(field, "compliance.error.cycleYears");
      return null;
    }
    return Integer.parseInt(v);
  }
}
