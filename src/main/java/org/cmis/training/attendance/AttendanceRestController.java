package org.cmis.training.attendance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.FieldError;
import org.cmis.training.registration.Registration;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Attendance of the API (API.md, Registrations: the attendance endpoint, and its bulk form). */
@RestController
@Tag(name = "Registrations", description = "Registration, confirmation, cancellation")
class AttendanceRestController {

  private final Attendance attendance;

  AttendanceRestController(Attendance attendance) {
    this.attendance = attendance;
  }

  /** {@code {"attended": true|false}}. */
  record AttendanceBody(@Nullable Boolean attended) {}

  /** {@code {"registrationIds": [...], "attended": true|false}}. */
  record BulkAttendanceBody(@Nullable List<Long> registrationIds, @Nullable Boolean attended) {}

  record Results(List<Attendance.Result> results) {}

  @PostMapping("/api/v1/registrations/{id}/attendance")
  @Operation(
      summary =
          "Mark a CONFIRMED registration attended or absent (staff of the organiser); the same"
              + " value twice changes nothing")
  Registration mark(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable long id,
      @RequestBody(required = false) @Nullable AttendanceBody body) {
    return attendance.mark(caller, id, attended(body == null ? null : body.attended()));
  }

  @PostMapping("/api/v1/classes/{id}/attendance")
  @Operation(
      summary =
          "Mark many registrations of a class alike (staff of the organiser): one outcome each,"
              + " CHANGED, UNCHANGED, INVALID_STATE or NOT_FOUND")
  Results markMany(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable long id,
      @RequestBody(required = false) @Nullable BulkAttendanceBody body) {
    List<Long> ids = body == null ? null : body.registrationIds();
    boolean attended = attended(body == null ? null : body.attended());
    if (ids == null
        || ids.isEmpty()
        || ids.size() > Attendance.MAX_IDS
        || ids.stream().anyMatch(x -> x == null || x <= 0)) {
      throw CmisException.validation(
          List.of(new FieldError("registrationIds", "attendance.error.ids")));
    }
    return new Results(attendance.markMany(caller, id, ids, attended));
  }

  private static boolean attended(@Nullable Boolean attended) {
    if (attended == null) {
      throw CmisException.validation(
          List.of(new FieldError("attended", "attendance.error.attendedRequired")));
    }
    return attended;
  }
}
