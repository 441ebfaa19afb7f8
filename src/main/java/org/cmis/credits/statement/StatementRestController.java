package org.cmis.credits.statement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import org.cmis.credits.HourStatements;
import org.cmis.credits.Statement;
import org.cmis.membership.MemberCategory;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Statements through the API (API.md, Hours): one member's with its entries, a page of the caller's
 * scope without entries, and the firms' completion rates. A year outside 2000–2100 (or not a
 * number) is a query value outside its type: 400 MALFORMED_REQUEST (ADR 0019).
 */
@RestController
@Tag(name = "Hours", description = "Hours statements and compliance (F5.4)")
class StatementRestController {

  private final HoursScope scope;
  private final HourStatements statements;
  private final HoursList list;
  private final Clock clock;

  StatementRestController(
      HoursScope scope, HourStatements statements, HoursList list, Clock clock) {
    this.scope = scope;
    this.statements = statements;
    this.list = list;
    this.clock = clock;
  }

  @GetMapping("/api/v1/members/{memberNo}/hours")
  @Operation(
      summary =
          "A member's statement for a year with its entries: the member, its firm, staff of its"
              + " institute, admin; others 404")
  Statement member(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable String memberNo,
      @RequestParam(required = false) @Min(Years.FIRST) @Max(Years.LAST) @Nullable Integer year) {
    return statements.statement(scope.visibleMember(caller, memberNo), yearOr(year));
  }

  @GetMapping("/api/v1/hours")
  @Operation(
      summary =
          "A page of statements without entries, by member number: a firm its people, staff its"
              + " institute, admin all; members 403")
  PageResult<Statement> list(
      @AuthenticationPrincipal CurrentUser caller,
      @RequestParam(required = false) @Min(Years.FIRST) @Max(Years.LAST) @Nullable Integer year,
      @RequestParam(required = false) @Size(max = 8) @Nullable String firmNo,
      @RequestParam(required = false) @Nullable MemberCategory category,
      @RequestParam(required = false) @Nullable Boolean compliant,
      @RequestParam(required = false) @Size(max = 50) @Nullable String q,
      @RequestParam(required = false) @Size(max = 10) @Nullable String institute,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    Paging paging = new Paging(page, size);
    return list.page(
        caller,
        yearOr(year),
        new HoursList.Query(firmNo, category, q, compliant, institute),
        paging);
  }

  @GetMapping("/api/v1/hours/firms")
  @Operation(
      summary =
          "Each firm's completion rate for a year (the share of its practising CPAs compliant):"
              + " a firm its own, staff its institute, admin all (or one institute); members 403")
  List<HoursList.FirmRate> firms(
      @AuthenticationPrincipal CurrentUser caller,
      @RequestParam(required = false) @Min(Years.FIRST) @Max(Years.LAST) @Nullable Integer year,
      @RequestParam(required = false) @Size(max = 10) @Nullable String institute) {
    return list.firmRates(caller, yearOr(year), institute);
  }

  private int yearOr(@Nullable Integer year) {
    return year == null ? Years.current(clock) : year;
  }
}
