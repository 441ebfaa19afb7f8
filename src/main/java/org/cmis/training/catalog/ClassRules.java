package org.cmis.training.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.cmis.shared.CmisException;
import org.cmis.shared.FieldError;
import org.cmis.shared.FirmNo;
import org.cmis.training.Audience;
import org.jspecify.annotations.Nullable;

/** Checks a class input against the rules of API.md and fills in the defaults. */
final class ClassRules {

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{1,40}");
  private static final BigDecimal HALF = new BigDecimal("0.5");
  private static final BigDecimal MAX_HOURS = new BigDecimal("200");

  private final List<FieldError> errors = new ArrayList<>();

  private ClassRules() {}

  /** The checked data, or a 422 VALIDATION_FAILED listing every broken rule. */
  static ClassData check(ClassInput in, String generatedCode) {
    ClassRules rules = new ClassRules();
    ClassData data = rules.build(in, generatedCode);
    if (!rules.errors.isEmpty() || data == null) {
      throw CmisException.validation(rules.errors);
    }
    return data;
  }

  private @Nullable ClassData build(ClassInput in, String generatedCode) {
    String name = text(in.name(), "name", 1, 200, true);
    List<Audience> audiences = new ArrayList<>();
    if (in.audiences() == null || in.audiences().isEmpty()) {
      error("audiences", "class.audiences.required");
    } else {
      for (String a : in.audiences()) {
        Audience audience = parse(Audience.class, a, "audiences");
        if (audience != null && !audiences.contains(audience)) {
          audiences.add(audience);
        }
      }
    }
    LocalDate rs = date(in.registrationStart(), "registrationStart", true);
    LocalDate re = date(in.registrationEnd(), "registrationEnd", true);
    LocalDate ts = date(in.trainingStart(), "trainingStart", true);
    LocalDate te = date(in.trainingEnd(), "trainingEnd", true);
    LocalDate cd = date(in.cancellationDeadline(), "cancellationDeadline", false);
    if (cd == null && ts != null) {
      cd = ts.minusDays(1);
    }
    if (rs != null && re != null && rs.isAfter(re)) {
      error("registrationEnd", "class.dates.registrationOrder");
    }
    if (re != null && te != null && re.isAfter(te)) {
      error("registrationEnd", "class.dates.registrationAfterTraining");
    }
    if (rs != null && ts != null && rs.isAfter(ts)) {
      error("trainingStart", "class.dates.trainingBeforeRegistration");
    }
    if (ts != null && te != null && ts.isAfter(te)) {
      error("trainingEnd", "class.dates.trainingOrder");
    }
    if (cd != null && ts != null && cd.isAfter(ts)) {
      error("cancellationDeadline", "class.dates.deadline");
    }
    int year = ts == null ? 0 : ts.getYear();
    if (in.year() != null) {
      if (ts != null && in.year() != ts.getYear() && (te == null || in.year() != te.getYear())) {
        error("year", "class.year");
      }
      year = in.year();
    }
    String code = generatedCode;
    if (in.code() != null && !in.code().isBlank()) {
      code = in.code().trim();
      if (!CODE.matcher(code).matches()) {
        error("code", "class.code");
      }
    }
    BigDecimal hours = hours(in.hours(), "hours", true);
    BigDecimal ethics =
        in.ethicsHours() == null ? BigDecimal.ZERO : hours(in.ethicsHours(), "ethicsHours", false);
    if (hours != null && ethics != null && ethics.compareTo(hours) > 0) {
      error("ethicsHours", "class.ethicsHours");
    }
    BigDecimal fee = in.fee() == null ? BigDecimal.ZERO : in.fee();
    if (fee.signum() < 0 || fee.compareTo(new BigDecimal("99999999")) > 0 || fee.scale() > 2) {
      error("fee", "class.fee");
    }
    Integer capacity = places(in.capacity(), "capacity");
    Integer max = places(in.maxRegistrations(), "maxRegistrations");
    if (capacity != null && max != null && capacity > max) {
      error("maxRegistrations", "class.places.order");
    }
    TrainingClass.Restriction restriction =
        in.restriction() == null
            ? TrainingClass.Restriction.NONE
            : parse(TrainingClass.Restriction.class, in.restriction(), "restriction");
    List<String> firms =
        in.restrictedFirms() == null ? List.of() : List.copyOf(in.restrictedFirms());
    if (firms.size() > 500 || firms.stream().anyMatch(f -> !FirmNo.isValid(f))) {
      error("restrictedFirms", "validation.firmNo");
    }
    if (restriction == TrainingClass.Restriction.NAMED_FIRMS && firms.isEmpty()) {
      error("restrictedFirms", "class.restrictedFirms.required");
    }
    TrainingClass.ClassMode mode =
        in.mode() == null
            ? TrainingClass.ClassMode.ON_SITE
            : parse(TrainingClass.ClassMode.class, in.mode(), "mode");
    TrainingClass.ConfirmationMode confirmation =
        in.confirmationMode() == null
            ? TrainingClass.ConfirmationMode.MANUAL
            : parse(
                TrainingClass.ConfirmationMode.class, in.confirmationMode(), "confirmationMode");
    boolean external = Boolean.TRUE.equals(in.external());
    String url =
        in.externalUrl() == null || in.externalUrl().isBlank() ? null : in.externalUrl().trim();
    if (url != null && (url.length() > 500 || !url.matches("(?i)https?://[^\\s<>\"]+"))) {
      error("externalUrl", "class.externalUrl");
    } else if (external && url == null) {
      error("externalUrl", "class.externalUrl.required");
    }
    String location = text(in.location(), "location", 0, 200, false);
    String teachers = text(in.teachers(), "teachers", 0, 200, false);
    String description = text(in.description(), "description", 0, 10_000, false);
    if (!errors.isEmpty()) {
      return null;
    }
    return new ClassData(
        code,
        name,
        year,
        List.copyOf(audiences),
        restriction,
        firms,
        mode,
        location,
        teachers,
        description,
        hours,
        ethics,
        fee,
        rs,
        re,
        ts,
        te,
        cd,
        capacity,
        max,
        confirmation,
        Boolean.TRUE.equals(in.waitlistEnabled()),
        external,
        url,
        Boolean.TRUE.equals(in.published()));
  }

  private String text(@Nullable String value, String field, int min, int max, boolean required) {
    String v = value == null ? "" : value.trim();
    if (required && v.isEmpty()) {
      error(field, "class.required");
    } else if (v.length() < min || v.length() > max) {
      error(field, "class.length." + max);
    }
    return v;
  }

  private @Nullable LocalDate date(@Nullable String value, String field, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        error(field, "class.required");
      }
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      error(field, "class.date");
      return null;
    }
  }

  private @Nullable BigDecimal hours(@Nullable BigDecimal value, String field, boolean required) {
    if (value == null) {
      if (required) {
        error(field, "class.required");
      }
      return null;
    }
    boolean half = value.remainder(HALF).signum() == 0;
    boolean inRange =
        value.compareTo(required ? HALF : BigDecimal.ZERO) >= 0 && value.compareTo(MAX_HOURS) <= 0;
    if (!half || !inRange) {
      error(field, "class.hours");
      return null;
    }
    return value.setScale(1, java.math.RoundingMode.UNNECESSARY);
  }

  private @Nullable Integer places(@Nullable Integer value, String field) {
    if (value == null) {
      error(field, "class.required");
      return null;
    }
    if (value < 1 || value > 100_000) {
      error(field, "class.places.range");
      return null;
    }
    return value;
  }

  private <E extends Enum<E>> @Nullable E parse(
      Class<E> type, @Nullable String value, String field) {
    try {
      return Enum.valueOf(type, value == null ? "" : value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      error(field, "class.enum");
      return null;
    }
  }

  private void error(String field, String message) {
    errors.add(new FieldError(field, message));
  }
}
