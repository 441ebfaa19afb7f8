package org.cmis.training.catalog;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A class as sent by the API or the form, before any check: enums and dates are text so that a
 * value that breaks a rule is a field error (422), not a malformed request. Null means "not given"
 * (the default on create, unchanged on PATCH).
 */
public record ClassInput(
    @Nullable String code,
    @Nullable String name,
    @Nullable Integer year,
    @Nullable List<String> audiences,
    @Nullable String restriction,
    @Nullable List<String> restrictedFirms,
    @Nullable String mode,
    @Nullable String location,
    @Nullable String teachers,
    @Nullable String description,
    @Nullable BigDecimal hours,
    @Nullable BigDecimal ethicsHours,
    @Nullable BigDecimal fee,
    @Nullable String registrationStart,
    @Nullable String registrationEnd,
    @Nullable String trainingStart,
    @Nullable String trainingEnd,
    @Nullable String cancellationDeadline,
    @Nullable Integer capacity,
    @Nullable Integer maxRegistrations,
    @Nullable String confirmationMode,
    @Nullable Boolean waitlistEnabled,
    @Nullable Boolean external,
    @Nullable String externalUrl,
    @Nullable Boolean published) {

  /** The stored class as input, so that a PATCH can lay its fields over it. */
  static ClassInput of(TrainingClass c) {
    return new ClassInput(
        c.code(),
        c.name(),
        c.year(),
        c.audiences().stream().map(Enum::name).toList(),
        c.restriction().name(),
        c.restrictedFirms(),
        c.mode().name(),
        c.location(),
        c.teachers(),
        c.description(),
        c.hours(),
        c.ethicsHours(),
        c.fee(),
        c.registrationStart().toString(),
        c.registrationEnd().toString(),
        c.trainingStart().toString(),
        c.trainingEnd().toString(),
        c.cancellationDeadline().toString(),
        c.capacity(),
        c.maxRegistrations(),
        c.confirmationMode().name(),
        c.waitlistEnabled(),
        c.external(),
        c.externalUrl(),
        c.published());
  }

  /** These fields laid over a base: what this input gives wins. */
  ClassInput over(ClassInput base) {
    return new ClassInput(
        or(code, base.code),
        or(name, base.name),
        or(year, base.year),
        or(audiences, base.audiences),
        or(restriction, base.restriction),
        or(restrictedFirms, base.restrictedFirms),
        or(mode, base.mode),
        or(location, base.location),
        or(teachers, base.teachers),
        or(description, base.description),
        or(hours, base.hours),
        or(ethicsHours, base.ethicsHours),
        or(fee, base.fee),
        or(registrationStart, base.registrationStart),
        or(registrationEnd, base.registrationEnd),
        or(trainingStart, base.trainingStart),
        or(trainingEnd, base.trainingEnd),
        // A moved training start moves the default deadline with it.
        cancellationDeadline != null
            ? cancellationDeadline
            : trainingStart != null ? null : base.cancellationDeadline,
        or(capacity, base.capacity),
        or(maxRegistrations, base.maxRegistrations),
        or(confirmationMode, base.confirmationMode),
        or(waitlistEnabled, base.waitlistEnabled),
        or(external, base.external),
        or(externalUrl, base.externalUrl),
        or(published, base.published));
  }

  private static <T> @Nullable T or(@Nullable T value, @Nullable T fallback) {
    return value != null ? value : fallback;
  }
}
