package org.cmis.training.confirmation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cmis.shared.CurrentUser;
import org.cmis.training.RegistrationStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Excel export of a class's registrations (API.md, Registrations). */
@RestController
@Tag(name = "Registrations", description = "Registration, confirmation, cancellation")
class ExportRestController {

  private final Roster roster;
  private final RegistrationExport export;

  ExportRestController(Roster roster, RegistrationExport export) {
    this.roster = roster;
    this.export = export;
  }

  @GetMapping("/api/v1/classes/{id}/registrations/export")
  @Operation(
      summary = "The class's registrations as .xlsx: staff of the organiser all, a firm its people")
  ResponseEntity<byte[]> export(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable long id,
      @RequestParam(required = false) @Nullable RegistrationStatus status) {
    return export.download(roster.forExport(caller, id, status), status);
  }
}
