package org.cmis.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.web.PageLinks;
import org.cmis.shared.web.TypedDates;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log page, for administrators only. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

  private final AuditLog log;
  private final AuditView view;

  AuditController(AuditLog log, AuditView view) {
    this.log = log;
    this.view = view;
  }

  @GetMapping("/admin/audit")
  String page(
      @RequestParam(defaultValue = "") @Size(max = 100) String actor,
      @RequestParam(defaultValue = "") @Size(max = 50) String action,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(defaultValue = "1") @Min(1) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
      Locale locale,
      Model model) {
    // One-tab-stop date fields (ADR 0038): a bad date is marked under its field, not a 400.
    TypedDates dates = new TypedDates();
    LocalDate fromDate = dates.parse("from", from);
    LocalDate toDate = dates.parse("to", to);
    dates.range(fromDate, "to", toDate);
    AuditQuery query = new AuditQuery(actor, action, fromDate, toDate);
    model.addAttribute("query", query);
    model.addAttribute("dates", dates);
    PageResult<AuditEntry> result = log.search(query, new Paging(page, size));
    List<AuditView.Row> rows = new ArrayList<>();
    for (AuditEntry e : result.items()) {
      rows.add(view.row(e, locale));
    }
    model.addAttribute("rows", rows);
    // The 操作 filter: every known action by its label (ADR 0035).
    Map<String, String> actions = new LinkedHashMap<>();
    for (String code : AuditActions.CODES) {
      actions.put(code, view.actionLabel(code, locale));
    }
    model.addAttribute("actions", actions);
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("actor", actor);
    filters.put("action", action);
    filters.put("from", fromDate == null ? "" : fromDate.toString());
    filters.put("to", toDate == null ? "" : toDate.toString());
    model.addAttribute("result", result);
    model.addAttribute("pager", PageLinks.of("/admin/audit", filters, result));
    return "audit/audit";
  }
}
