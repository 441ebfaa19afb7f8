package org.cmis.membership.institute;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.cmis.membership.Institute;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.web.ClientAddress;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Institutes and their support contacts for admin (F6.1); STAFF, FIRM, MEMBER: 403. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: institutes", description = "Institutes and their support contacts (F6.1, F1.6)")
class InstitutesRestController {

  private final InstituteAdmin admin;

  InstitutesRestController(InstituteAdmin admin) {
    this.admin = admin;
  }

  @GetMapping("/api/v1/admin/institutes")
  @Operation(summary = "Every institute with its phone, mailbox and training department, by code")
  List<Institute> institutes() {
    return admin.all();
  }

  @PutMapping("/api/v1/admin/institutes/{code}/contacts")
  @Operation(
      summary =
          "Set an institute's contacts: phone (telephone numbers, at most 50 characters), email,"
              + " trainingDepartment (at most 100); empty or null clears a field. Invalid: 422"
              + " VALIDATION_FAILED naming each field, nothing stored; unknown code: 404")
  Institute change(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable String code,
      @RequestBody InstituteAdmin.Contacts contacts,
      HttpServletRequest request) {
    return admin.change(code, contacts, user, ClientAddress.of(request));
  }
}
