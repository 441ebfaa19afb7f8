package org.cmis.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.web.PageLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
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

  AuditController(AuditLog log) {
    this.log = log;
  }

  @GetMapping("/admin/audit")
  String page(
      @RequestParam(defaultValue = "") @Size(max = 100) String actor,
      @RequestParam(defaultValue = "") @Size(max = 50) String action,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      @RequestParam(defaultValue = "1") @Min(1) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
      Model model) {
    AuditQuery query = new AuditQuery(actor, action, from, to);
    model.addAttribute("query", query);
    PageResult<?> result = log.search(query, new Paging(page, size));
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("actor", actor);
    filters.put("action", action);
    filters.put("from", from == null ? "" : from.toString());
    filters.put("to", to == null ? "" : to.toString());
    model.addAttribute("result", result);
    model.addAttribute("pager", PageLinks.of("/admin/audit", filters, result));
    return "audit/audit";
  }
}
