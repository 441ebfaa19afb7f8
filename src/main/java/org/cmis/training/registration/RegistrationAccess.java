package org.cmis.training.registration;

import java.time.Clock;
import java.time.LocalDate;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.Role;
import org.cmis.training.ClassStatus;
import org.cmis.training.catalog.Access;
import org.cmis.training.catalog.ClassRepository;
import org.cmis.training.catalog.TrainingClass;
import org.springframework.stereotype.Component;

/**
 * Who may see and act on a registration and its class, and the class-level refusals of a
 * registration request (API.md: the first that applies).
 */
@Component
class RegistrationAccess {

  private final ClassRepository classes;
  private final RegistrationRepository registrations;
  private final Clock clock;

  RegistrationAccess(ClassRepository classes, RegistrationRepository registrations, Clock clock) {
    this.classes = classes;
    this.registrations = registrations;
    this.clock = clock;
  }

  /** A registration is the member's own, its firm's, its class's institute's, or any (admin). */
  static boolean canSee(CurrentUser user, Registration r, String classInstitute) {
    return switch (user.role()) {
      case ADMIN -> true;
      case STAFF -> classInstitute.equals(user.instituteCode());
      case FIRM -> r.firmNo() != null && r.firmNo().equals(user.firmNo());
      case MEMBER -> r.memberNo().equals(user.memberNo());
    };
  }

  /**
   * A registration the caller may see, else NOT_FOUND. A firm also sees, read-only, what was
   * registered while the member was its own, after the member moved (ADR 0025).
   */
  Registration visibleRegistration(CurrentUser caller, long id) {
    Registration r = registrations.find(id).orElseThrow(RegistrationAccess::notFound);
    TrainingClass c = classes.find(r.classId()).orElseThrow(RegistrationAccess::notFound);
    if (!canSee(caller, r, c.instituteCode())
        && !(caller.is(Role.FIRM)
            && registrations
                .registeringFirm(id)
                .filter(f -> f.equals(caller.firmNo()))
                .isPresent())) {
      throw notFound();
    }
    return r;
  }

  /**
   * A firm acts on a registration only while its member is its own (ADR 0025): the firm it was
   * registered by keeps a read-only view after the member moved.
   */
  static void requireCurrentFirm(CurrentUser caller, Registration r) {
    if (caller.is(Role.FIRM) && (r.firmNo() == null || !r.firmNo().equals(caller.firmNo()))) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
  }

  /** A class the caller may see, read without a lock, else NOT_FOUND. */
  TrainingClass visibleClass(CurrentUser caller, long classId) {
    TrainingClass c = classes.find(classId).orElseThrow(RegistrationAccess::notFound);
    Access.requireVisible(caller, c);
    return c;
  }

  /** Locks the class (ADR 0009: its row first, for every change but a registration). */
  TrainingClass lockAsOrganiser(CurrentUser staff, long classId) {
    TrainingClass c = classes.lock(classId).orElseThrow(RegistrationAccess::notFound);
    Access.requireOrganiser(staff, c);
    return c;
  }

  /** Only a registration's member or its firm cancel it or declare non-attendance. */
  static void requireRegistrant(CurrentUser caller) {
    if (!caller.is(Role.MEMBER) && !caller.is(Role.FIRM)) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
  }

  /** The class-level refusals, first that applies (API.md). Staff may register late. */
  void refuseClassLevel(CurrentUser caller, TrainingClass c) {
    ClassStatus status = c.statusOn(today());
    if (status == ClassStatus.CANCELLED) {
      throw new CmisException(ErrorCode.CLASS_CANCELLED, "error.CLASS_CANCELLED");
    }
    if (c.external()) {
      throw new CmisException(ErrorCode.EXTERNAL_CLASS, "error.EXTERNAL_CLASS");
    }
    if (status == ClassStatus.DRAFT || status == ClassStatus.NOT_OPEN && !caller.is(Role.STAFF)) {
      throw new CmisException(ErrorCode.CLASS_NOT_OPEN, "error.CLASS_NOT_OPEN");
    }
    if (!caller.is(Role.STAFF) && status != ClassStatus.OPEN) {
      throw new CmisException(ErrorCode.REGISTRATION_CLOSED, "error.REGISTRATION_CLOSED");
    }
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  static CmisException notFound() {
    return new CmisException(ErrorCode.NOT_FOUND, "error.NOT_FOUND");
  }
}
