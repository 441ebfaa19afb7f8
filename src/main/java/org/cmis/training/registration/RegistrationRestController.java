package org.cmis.training.registration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.FieldError;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.Role;
import org.cmis.training.RegistrationStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Registrations of the API (API.md, Registrations). */
@RestController
@Tag(name = "Registrations", description = "Registration, confirmation, cancellation")
class RegistrationRestController {

  private final RegistrationService service;
  private final RegistrationFinder finder;

  RegistrationRestController(RegistrationService service, RegistrationFinder finder) {
    this.service = service;
    this.finder = finder;
  }

  /** The body of a registration: a member's own contact data, or a firm's or staff's people. */
  record RegisterBody(
      @Nullable String mobile,
      @Nullable String email,
      @Nullable List<Person> people,
      @Nullable Boolean waitlist) {}

  /** One person of a firm's or staff's registration. */
  record Person(@Nullable String memberNo, @Nullable String mobile, @Nullable String email) {}

  record Results(List<RegistrationService.Result> results) {}

  record ConfirmBody(@Nullable List<Long> registrationIds, @Nullable Boolean upToCapacity) {}

  record ConfirmResults(List<RegistrationService.ConfirmResult> results) {}

  record ReasonBody(@Nullable String reason) {}

  @PostMapping("/api/v1/classes/{id}/registrations")
  @Operation(summary = "Register: a member itself (201), a firm its people or staff late (200)")
  ResponseEntity<?> register(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable long id,
      @RequestBody(required = false) @Nullable RegisterBody body) {
    RegisterBody b = body == null ? new RegisterBody(null, null, null, null) : body;
    boolean waitlist = Boolean.TRUE.equals(b.waitlist());
    if (caller.is(Role.MEMBER)) {
      Registration r = service.registerSelf(caller, id, b.mobile(), b.email(), waitlist);
      return ResponseEntity.created(URI.create("/api/v1/registrations/" + r.id())).body(r);
    }
    List<RegistrationService.Applicant> people =
        b.people() == null
            ? List.of()
            : b.people().stream()
                .map(
                    p ->
                        new RegistrationService.Applicant(
                            p == null || p.memberNo() == null ? "" : p.memberNo().trim(),
                            p == null ? null : p.mobile(),
                            p == null ? null : p.email()))
                .toList();
    return ResponseEntity.ok(new Results(service.registerPeople(caller, id, people, waitlist)));
  }

  @GetMapping("/api/v1/registrations")
  @Operation(summary = "Registrations in the caller's scope, in registration order")
  PageResult<Registration> list(
      @AuthenticationPrincipal CurrentUser caller,
      @RequestParam(required = false) @Nullable Long classId,
      @RequestParam(required = false) @Nullable RegistrationStatus status,
      @RequestParam(required = false) @Size(max = 12) @Nullable String memberNo,
      @RequestParam(required = false) @Size(max = 8) @Nullable String firmNo,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    return finder.list(
        caller,
        new RegistrationQuery(classId, status, memberNo, firmNo, null),
        new Paging(page, size));
  }

  @GetMapping("/api/v1/registrations/{id}")
  @Operation(summary = "One registration in the caller's scope")
  Registration get(@AuthenticationPrincipal CurrentUser caller, @PathVariable long id) {
    return service.visibleRegistration(caller, id);
  }

  @PostMapping("/api/v1/registrations/{id}/confirm")
  @Operation(summary = "Confirm a pending registration (staff of the organiser)")
  Registration confirm(@AuthenticationPrincipal CurrentUser caller, @PathVariable long id) {
    return service.confirm(caller, id);
  }

  @PostMapping("/api/v1/registrations/{id}/reject")
  @Operation(summary = "Return a pending or waitlisted registration with a reason")
  Registration reject(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable long id,
      @RequestBody(required = false) @Nullable ReasonBody body) {
    return service.reject(caller, id, body == null ? null : body.reason());
  }

  @PostMapping("/api/v1/registrations/{id}/cancel")
  @Operation(summary = "Cancel before the cancellation deadline (the member or its firm)")
  Registration cancel(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable long id,
      @RequestBody(required = false) @Nullable ReasonBody body) {
    return service.cancel(caller, id, body == null ? null : body.reason());
  }

  @PostMapping("/api/v1/registrations/{id}/non-attendance")
  @Operation(summary = "Declare non-attendance after the deadline, before training starts")
  Registration nonAttendance(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable long id,
      @RequestBody(required = false) @Nullable ReasonBody body) {
    return service.declareNonAttendance(caller, id, body == null ? null : body.reason());
  }

  @PostMapping("/api/v1/classes/{id}/registrations/confirm")
  @Operation(summary = "Confirm many, or the pending ones up to capacity in registration order")
  ConfirmResults confirmMany(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable long id,
      @RequestBody(required = false) @Nullable ConfirmBody body) {
    boolean upTo = body != null && Boolean.TRUE.equals(body.upToCapacity());
    List<Long> ids = body == null ? null : body.registrationIds();
    if (!upTo && (ids == null || ids.isEmpty() || ids.size() > RegistrationService.MAX_PEOPLE)) {
      throw CmisException.validation(
          List.of(new FieldError("registrationIds", "registration.ids.size")));
    }
    return new ConfirmResults(service.confirmMany(caller, id, ids, upTo));
  }
}
