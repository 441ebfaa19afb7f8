package org.cmis.credits.compliance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.cmis.credits.ComplianceRule;
import org.cmis.membership.MemberCategory;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.web.ClientAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The compliance rules through the API (F5.6): the rules in force for a year, one per member
 * category, for anyone signed in; setting one is for admin. A year outside 2000–2100 or an unknown
 * category in the path is 400; an invalid body value 422 naming the field.
 */
@RestController
@Tag(name = "Compliance rules", description = "Yearly hour requirements per member category (F5.6)")
class ComplianceRestController {

  private final ComplianceRules rules;
  private final Clock clock;

  ComplianceRestController(ComplianceRules rules, Clock clock) {
    this.rules = rules;
    this.clock = clock;
  }

  @GetMapping("/api/v1/compliance-rules")
  @Operation(summary = "The rules in force for a year (default: the current year), per category")
  List<ComplianceRule> inForce(
      @RequestParam(required = false) @Min(2000) @Max(2100) @Nullable Integer year) {
    int y = year == null ? LocalDate.now(clock).getYear() : year;
    return List.copyOf(rules.forYear(y).values());
  }

  @PutMapping("/api/v1/compliance-rules/{year}/{category}")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(
      summary =
          "Set the rule of a year and member category (admin); later years without a rule of"
              + " their own follow it. Every statement follows at once.")
  ComplianceRule set(
      @AuthenticationPrincipal CurrentUser admin,
      @PathVariable @Min(2000) @Max(2100) int year,
      @PathVariable MemberCategory category,
      @RequestBody RuleInput input,
      HttpServletRequest request) {
    return rules.save(admin, year, category, input, ClientAddress.of(request));
  }
}
