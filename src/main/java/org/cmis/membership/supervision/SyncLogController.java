package org.cmis.membership.supervision;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.web.PageLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sync log pages (同步日志) for staff (their institute) and admin (all). */
@Controller
@Validated
@PreAuthorize("hasAnyRole('STAFF','ADMIN')")
class SyncLogController {

  static final String BATCHES = "/sync-log";
  static final String EVENTS = "/sync-log/events";

  private final SyncLog log;

  SyncLogController(SyncLog log) {
    this.log = log;
  }

  @GetMapping(BATCHES)
  String batches(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(defaultValue = "1") @Min(1) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
      Model model) {
    PageResult<SyncLog.Batch> result = log.batches(user, new Paging(page, size));
    model.addAttribute("result", result);
    model.addAttribute("pager", PageLinks.of(BATCHES, result));
    return "supervision/batches";
  }

  @GetMapping(EVENTS)
  String events(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Min(1) @Nullable Long batch,
      @RequestParam(defaultValue = "") @Size(max = 100) String eventId,
      @RequestParam(defaultValue = "") @Size(max = 20) String number,
      @RequestParam(defaultValue = "") @Size(max = 30) String code,
      @RequestParam(defaultValue = "REJECTED") @Size(max = 10) String outcome,
      @RequestParam(defaultValue = "1") @Min(1) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
      Model model) {
    String shown = SyncLog.OUTCOMES.contains(outcome) ? outcome : "REJECTED";
    SyncLog.EventQuery query = new SyncLog.EventQuery(batch, eventId, number, code, shown);
    PageResult<SyncLog.Event> result = log.events(user, query, new Paging(page, size));
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("batch", batch == null ? "" : batch.toString());
    filters.put("eventId", eventId);
    filters.put("number", number);
    filters.put("code", code);
    filters.put("outcome", shown);
    model.addAttribute("query", query);
    model.addAttribute("outcomes", SyncLog.OUTCOMES);
    model.addAttribute(
        "codes",
        java.util.List.of(
            "VALIDATION_FAILED", "UNKNOWN_FIRM", "UNKNOWN_MEMBER", "UNKNOWN_INSTITUTE"));
    model.addAttribute("result", result);
    model.addAttribute("pager", PageLinks.of(EVENTS, filters, result));
    return "supervision/events";
  }
}
