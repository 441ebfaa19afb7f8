package org.cmis.credits.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import org.cmis.credits.HourEntry;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.web.ClientAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger's writes of the API (API.md, Hours): a manual entry and a reversal, both by staff of
 * the member's institute, both 201 with the entry written. Idempotency-Key works as on every
 * creating POST (web's filter).
 */
@RestController
@Tag(name = "Hours", description = "The hours ledger, statements and certificates")
class LedgerRestController {

  private final Ledger ledger;

  LedgerRestController(Ledger ledger) {
    this.ledger = ledger;
  }

  /** The body of a manual entry; JSON types are checked by Jackson (a wrong one is a 400). */
  record ManualEntryBody(
      @Nullable Integer year,
      @Nullable String date,
      @Nullable BigDecimal hours,
      @Nullable BigDecimal ethicsHours,
      @Nullable String category,
      @Nullable String note) {

    ManualEntryInput input() {
      return new ManualEntryInput(
          year == null ? null : year.toString(),
          date,
          hours == null ? null : hours.toPlainString(),
          ethicsHours == null ? null : ethicsHours.toPlainString(),
          category,
          note);
    }
  }

  record ReverseBody(@Nullable String reason) {}

  @PostMapping("/api/v1/members/{memberNo}/hours")
  @Operation(
      summary =
          "Add a manual entry (EXTERNAL, with a reason) for a member of the staff's institute")
  ResponseEntity<HourEntry> add(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable String memberNo,
      @RequestBody(required = false) @Nullable ManualEntryBody body,
      HttpServletRequest request) {
    ManualEntryBody b =
        body == null ? new ManualEntryBody(null, null, null, null, null, null) : body;
    HourEntry e = ledger.add(caller, memberNo, b.input(), ClientAddress.of(request));
    return ResponseEntity.status(HttpStatus.CREATED).body(e);
  }

  @PostMapping("/api/v1/hour-entries/{id}/reverse")
  @Operation(summary = "Reverse an entry with a reason: 201 the reversal; 409 if already reversed")
  ResponseEntity<HourEntry> reverse(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable long id,
      @RequestBody(required = false) @Nullable ReverseBody body,
      HttpServletRequest request) {
    HourEntry e =
        ledger.reverse(caller, id, body == null ? null : body.reason(), ClientAddress.of(request));
    return ResponseEntity.status(HttpStatus.CREATED).body(e);
  }
}
