package org.cmis.identity.staff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.web.ClientAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff accounts through the API (F6.1), admin only (STAFF, FIRM, MEMBER: 403 FORBIDDEN). Answers
 * never hold a password: a temporary one goes to the account's e-mail on record.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: staff accounts", description = "Institute staff accounts and roles (F6.1)")
class StaffRestController {

  private final StaffAccounts staff;

  StaffRestController(StaffAccounts staff) {
    this.staff = staff;
  }

  @GetMapping("/api/v1/admin/staff-accounts")
  @Operation(summary = "Staff accounts, of one institute or all, by institute and account")
  PageResult<StaffAccounts.StaffAccount> list(
      @RequestParam(required = false) @Nullable String institute,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    return staff.list(
        institute == null || institute.isBlank() ? null : institute, new Paging(page, size));
  }

  @GetMapping("/api/v1/admin/staff-accounts/{id}")
  @Operation(summary = "One staff account (404 for any other account)")
  StaffAccounts.StaffAccount one(@PathVariable long id) {
    return staff
        .find(id)
        .orElseThrow(() -> new CmisException(ErrorCode.NOT_FOUND, "admin.staff.notFound"));
  }

  @PostMapping("/api/v1/admin/staff-accounts")
  @Operation(
      summary =
          "Create a staff account: account (3-50 of a-z 0-9 . _ -), displayName (1-50),"
              + " instituteCode, email (required: the temporary password goes there), mobile"
              + " (optional), staffRole TRAINING_OFFICER|REVIEWER → 201; the account must change"
              + " the password at its first sign-in. Invalid: 422 VALIDATION_FAILED")
  ResponseEntity<StaffAccounts.StaffAccount> create(
      @AuthenticationPrincipal CurrentUser admin,
      @RequestBody StaffAccounts.NewStaff body,
      HttpServletRequest request) {
    StaffAccounts.StaffAccount created = staff.create(body, admin, ClientAddress.of(request));
    return ResponseEntity.created(URI.create("/api/v1/admin/staff-accounts/" + created.id()))
        .body(created);
  }

  @PostMapping("/api/v1/admin/staff-accounts/{id}/disable")
  @Operation(summary = "Disable the account: it cannot sign in; its sessions and tokens end")
  StaffAccounts.StaffAccount disable(
      @AuthenticationPrincipal CurrentUser admin,
      @PathVariable long id,
      HttpServletRequest request) {
    return staff.disable(id, admin, ClientAddress.of(request));
  }

  @PostMapping("/api/v1/admin/staff-accounts/{id}/enable")
  @Operation(summary = "Enable a disabled account again")
  StaffAccounts.StaffAccount enable(
      @AuthenticationPrincipal CurrentUser admin,
      @PathVariable long id,
      HttpServletRequest request) {
    return staff.enable(id, admin, ClientAddress.of(request));
  }

  @PostMapping("/api/v1/admin/staff-accounts/{id}/reset")
  @Operation(
      summary =
          "Reset the password: a temporary one goes to the e-mail on record only, must be changed"
              + " at the next sign-in; every session and token of the account ends")
  StaffAccounts.StaffAccount reset(
      @AuthenticationPrincipal CurrentUser admin,
      @PathVariable long id,
      HttpServletRequest request) {
    return staff.reset(id, admin, ClientAddress.of(request));
  }

  /** The body of a role change. */
  record RoleChange(@Nullable String staffRole) {}

  @PutMapping("/api/v1/admin/staff-accounts/{id}/role")
  @Operation(summary = "Change the staff role: TRAINING_OFFICER or REVIEWER (ADR 0024)")
  StaffAccounts.StaffAccount role(
      @AuthenticationPrincipal CurrentUser admin,
      @PathVariable long id,
      @RequestBody RoleChange body,
      HttpServletRequest request) {
    return staff.changeRole(id, body.staffRole(), admin, ClientAddress.of(request));
  }
}
