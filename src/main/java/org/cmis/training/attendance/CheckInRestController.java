package org.cmis.training.attendance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import org.cmis.shared.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Self check-in of the API (F5.1): a member sends the code a session shows. */
@RestController
@Tag(name = "Attendance", description = "Attendance and self check-in")
class CheckInRestController {

  private final CheckIns checkIns;

  CheckInRestController(CheckIns checkIns) {
    this.checkIns = checkIns;
  }

  /** {@code {"code": "123456"}}. */
  record CodeBody(@Nullable String code) {}

  /** The answer: {@code {registrationId, classId, day, late, attended}}. */
  record CheckInView(
      long registrationId, long classId, LocalDate day, boolean late, boolean attended) {}

  @PostMapping("/api/v1/check-ins")
  @Operation(
      summary =
          "A member checks in with a session's 6-digit code: 201 (200 when already checked in that"
              + " day); 422 wrong code (also a code of a class the member is not confirmed in), 429"
              + " after 10 wrong codes per session, 409 CHECK_IN_CLOSED")
  ResponseEntity<CheckInView> checkIn(
      @AuthenticationPrincipal CurrentUser caller,
      @RequestBody(required = false) @Nullable CodeBody body) {
    CheckIns.Result r = checkIns.withCode(caller, body == null ? null : body.code());
    CheckInView view =
        new CheckInView(r.registrationId(), r.classId(), r.day(), r.late(), r.attended());
    return r.created()
        ? ResponseEntity.created(URI.create("/api/v1/registrations/" + r.registrationId()))
            .body(view)
        : ResponseEntity.ok(view);
  }
}
