package org.cmis.training.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.cmis.training.Audience;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * The writable fields of a class: the one shape bound by the API body (JSON), the staff page form
 * (constructor binding of the form fields), an imported spreadsheet row and the demo data, before
 * any check. Enums and dates are text so that a value that breaks a rule is a field error (422),
 * not a malformed request. Null means "not given" (the default on create, unchanged on PATCH); a
 * page form is complete, see {@link #completed()}. The demo module builds its classes with it too
 * (named interface {@code class-input}).
 */
@NamedInterface("class-input")
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

  /** The new-class form: 注册会计师 ticked, the first choice of each list, everything else empty. */
  static ClassInput newForm() {
    return new ClassInput(
        "",
        "",
        null,
        List.of(Audience.PRACTISING_CPA.name()),
        TrainingClass.Restriction.NONE.name(),
        List.of(),
        TrainingClass.ClassMode.ON_SITE.name(),
        "",
        "",
        "",
        null,
        null,
        null,
        "",
        "",
        "",
        "",
        "",
        null,
        null,
        TrainingClass.ConfirmationMode.MANUAL.name(),
        false,
        false,
        "",
        false);
  }

  /** Only "published": the publish button of the management list. */
  static ClassInput publishedOnly() {
    return new ClassInput(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, true);
  }

  /**
   * The input of a page form, which is always complete: a blank or absent field means "empty",
   * never "unchanged" (an unticked box is false, no audience ticked is none); the year follows the
   * training start; blank ethics hours and fee are 0; firms are split on commas, blanks and line
   * breaks.
   */
  ClassInput completed() {
    return new ClassInput(
        text(code).trim(),
        text(name),
        yearOf(text(trainingStart)),
        audiences == null ? List.of() : List.copyOf(audiences),
        text(restriction),
        restrictedFirms == null
            ? List.of()
            : restrictedFirms.stream()
                .flatMap(f -> Arrays.stream(f.split(FIRM_SEPARATORS)))
                .filter(f -> !f.isBlank())
                .toList(),
        text(mode),
        text(location),
        text(teachers),
        text(description),
        hours,
        ethicsHours == null ? BigDecimal.ZERO : ethicsHours,
        fee == null ? BigDecimal.ZERO : fee,
        text(registrationStart),
        text(registrationEnd),
        text(trainingStart),
        text(trainingEnd),
        text(cancellationDeadline),
        capacity,
        maxRegistrations,
        text(confirmationMode),
        Boolean.TRUE.equals(waitlistEnabled),
        Boolean.TRUE.equals(external),
        text(externalUrl),
        Boolean.TRUE.equals(published));
  }

  private static final String FIRM_SEPARATORS = "[,，;；\\s]+";

  private static String text(@Nullable String value) {
    return value == null ? "" : value;
  }

  private static @Nullable Integer yearOf(String date) {
    try {
      return date.isBlank() ? null : LocalDate.parse(date.trim()).getYear();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

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
