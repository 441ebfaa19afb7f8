package org.cmis.training.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.cmis.training.Audience;
import org.cmis.training.ClassStatus;
import org.cmis.training.RegistrationStatus;
import org.jspecify.annotations.Nullable;

/** A class as the API answers it (API.md, ClassView). */
public record ClassView(
    long id,
    String code,
    String name,
    int year,
    InstituteRef institute,
    List<Audience> audiences,
    TrainingClass.Restriction restriction,
    List<String> restrictedFirms,
    TrainingClass.ClassMode mode,
    String location,
    String teachers,
    BigDecimal hours,
    BigDecimal ethicsHours,
    BigDecimal fee,
    LocalDate registrationStart,
    LocalDate registrationEnd,
    LocalDate trainingStart,
    LocalDate trainingEnd,
    LocalDate cancellationDeadline,
    int capacity,
    int maxRegistrations,
    int registeredCount,
    int confirmedCount,
    int waitlistedCount,
    ClassStatus status,
    TrainingClass.ConfirmationMode confirmationMode,
    boolean waitlistEnabled,
    boolean external,
    @Nullable String externalUrl,
    String description,
    @Nullable MyRegistration myRegistration) {

  /** The organising institute. */
  public record InstituteRef(String code, String name) {}

  /** The member's latest registration in the class. */
  public record MyRegistration(long id, RegistrationStatus status) {}

  public static ClassView of(ClassListItem item) {
    TrainingClass c = item.trainingClass();
    MyRegistration mine =
        item.myRegistrationId() == null || item.myStatus() == null
            ? null
            : new MyRegistration(item.myRegistrationId(), item.myStatus());
    return new ClassView(
        c.id(),
        c.code(),
        c.name(),
        c.year(),
        new InstituteRef(c.instituteCode(), c.instituteName()),
        c.audiences(),
        c.restriction(),
        c.restrictedFirms(),
        c.mode(),
        c.location(),
        c.teachers(),
        c.hours(),
        c.ethicsHours(),
        c.fee(),
        c.registrationStart(),
        c.registrationEnd(),
        c.trainingStart(),
        c.trainingEnd(),
        c.cancellationDeadline(),
        c.capacity(),
        c.maxRegistrations(),
        c.registeredCount(),
        c.confirmedCount(),
        c.waitlistedCount(),
        item.status(),
        c.confirmationMode(),
        c.waitlistEnabled(),
        c.external(),
        c.externalUrl(),
        c.description(),
        mine);
  }
}
