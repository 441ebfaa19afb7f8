package org.cmis.training.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.cmis.training.Audience;
import org.cmis.training.ClassStatus;
import org.jspecify.annotations.Nullable;

/** A training class (培训班) with its counters as stored (F3.1). */
public record TrainingClass(
    long id,
    String code,
    String name,
    int year,
    String instituteCode,
    String instituteName,
    List<Audience> audiences,
    Restriction restriction,
    List<String> restrictedFirms,
    ClassMode mode,
    String location,
    String teachers,
    String description,
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
    ConfirmationMode confirmationMode,
    boolean waitlistEnabled,
    boolean external,
    @Nullable String externalUrl,
    boolean published,
    boolean cancelled) {

  /** The status on a given day (API.md: first that applies). */
  public ClassStatus statusOn(LocalDate today) {
    if (cancelled) {
      return ClassStatus.CANCELLED;
    }
    if (!published) {
      return ClassStatus.DRAFT;
    }
    if (!today.isBefore(registrationStart) && !today.isAfter(registrationEnd)) {
      return ClassStatus.OPEN;
    }
    if (today.isAfter(trainingEnd)) {
      return ClassStatus.FINISHED;
    }
    if (!today.isBefore(trainingStart)) {
      return ClassStatus.IN_PROGRESS;
    }
    if (today.isBefore(registrationStart)) {
      return ClassStatus.NOT_OPEN;
    }
    return ClassStatus.CLOSED;
  }

  /** Who may take part besides the audience rule. */
  public enum Restriction {
    NONE,
    PARTNERS_ONLY,
    NAMED_FIRMS
  }

  /** 面授 / 直播 / 网络. */
  public enum ClassMode {
    ON_SITE,
    LIVE,
    ONLINE
  }

  /** Confirmation by staff, or automatic up to capacity. */
  public enum ConfirmationMode {
    MANUAL,
    AUTO
  }
}
