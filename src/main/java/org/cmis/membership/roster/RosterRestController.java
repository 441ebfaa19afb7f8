package org.cmis.membership.roster;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.cmis.membership.MemberCategory;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The firm's roster in the API (F2.5, ADR 0028): its people, and its own 从业人员 added, changed and
 * deactivated by the firm.
 */
@RestController
@Tag(name = "FirmRoster", description = "A firm's people (人员管理): its CPAs and its 从业人员")
class RosterRestController {

  private final FirmRoster roster;

  RosterRestController(FirmRoster roster) {
    this.roster = roster;
  }

  @GetMapping("/api/v1/firms/{firmNo}/people")
  @Operation(
      summary = "A firm's people, ordered by memberNo",
      description =
          "The firm itself, staff of its institute, admin. category PRACTISING_CPA or PRACTITIONER"
              + " (absent: both); q: part of the name or the number. Active and inactive people,"
              + " the ID number masked.")
  PageResult<RosterPerson> people(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable @Size(max = 8) String firmNo,
      @RequestParam(required = false) @Nullable MemberCategory category,
      @RequestParam(required = false) @Size(max = 50) @Nullable String q,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    if (category == MemberCategory.NON_PRACTISING) {
      throw new CmisException(ErrorCode.MALFORMED_REQUEST, "error.MALFORMED_REQUEST");
    }
    return roster.people(caller, firmNo, category, q, new Paging(page, size));
  }

  @PostMapping("/api/v1/firms/{firmNo}/practitioners")
  @Operation(
      summary = "Add a 从业人员 to the caller's own firm",
      description =
          "FIRM only, its own firmNo (else 403). Body {name, gender (M|F, optional: taken from the"
              + " ID number), idNumber (required, checksum validated), mobile, email, position}."
              + " 201 the person with its new person number (P + 8 digits) as memberNo; 422"
              + " VALIDATION_FAILED for a broken rule or an ID number another active 从业人员 holds.")
  ResponseEntity<RosterPerson> add(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable @Size(max = 8) String firmNo,
      @RequestBody PractitionerInput input) {
    if (!firmNo.equals(caller.firmNo())) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(roster.add(caller, input));
  }

  @PutMapping("/api/v1/practitioners/{memberNo}")
  @Operation(
      summary = "Change one of the firm's own active 从业人员",
      description =
          "FIRM only: the whole body as for adding. Another firm's person → 404; one of the"
              + " firm's CPAs → 403 (CPAs are changed on the supervision platform); an inactive"
              + " one → 409 INVALID_STATE.")
  RosterPerson edit(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable @Size(max = 12) String memberNo,
      @RequestBody PractitionerInput input) {
    return roster.edit(caller, memberNo, input);
  }

  @PostMapping("/api/v1/practitioners/{memberNo}/deactivate")
  @Operation(
      summary = "Deactivate one of the firm's own 从业人员 (离职)",
      description =
          "FIRM only. It can no longer be registered; its history and registrations stay. An"
              + " inactive one is answered as it is (200).")
  RosterPerson deactivate(
      @AuthenticationPrincipal CurrentUser caller, @PathVariable @Size(max = 12) String memberNo) {
    return roster.deactivate(caller, memberNo);
  }
}
