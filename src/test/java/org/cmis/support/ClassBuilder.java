package org.cmis.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cmis.training.Audience;
import org.cmis.training.catalog.ClassInput;
import org.cmis.training.catalog.TrainingClass;
import org.jspecify.annotations.Nullable;

/**
 * A fluent builder over the one writable shape of a class, {@link ClassInput}: {@link
 * TestClasses#aClass()} starts from a complete, valid class, {@link TestClasses#patch()} from
 * nothing given (a PATCH). {@link #build()} gives the input as the API or the form would send it;
 * {@link #stored()} the class as stored, for tests that need no database. Values are the text the
 * input carries, so that a test may also send what breaks a rule.
 */
public final class ClassBuilder {

  private @Nullable String code;
  private @Nullable String name;
  private @Nullable Integer year;
  private @Nullable List<String> audiences;
  private @Nullable String restriction;
  private @Nullable List<String> restrictedFirms;
  private @Nullable String mode;
  private @Nullable String location;
  private @Nullable String teachers;
  private @Nullable String description;
  private @Nullable BigDecimal hours;
  private @Nullable BigDecimal ethicsHours;
  private @Nullable BigDecimal fee;
  private @Nullable String registrationStart;
  private @Nullable String registrationEnd;
  private @Nullable String trainingStart;
  private @Nullable String trainingEnd;
  private @Nullable String cancellationDeadline;
  private @Nullable Integer capacity;
  private @Nullable Integer maxRegistrations;
  private @Nullable String confirmationMode;
  private @Nullable Boolean waitlistEnabled;
  private @Nullable Boolean external;
  private @Nullable String externalUrl;
  private @Nullable Boolean published;

  private long id = 1;
  private String instituteCode = "SZ";
  private String instituteName = "深圳";
  private boolean cancelled;

  ClassBuilder() {}

  /**
   * A published class of SZ for practising and non-practising CPAs in 深圳, 8 hours (2 of ethics), 10
   * places, manual confirmation, registration open from yesterday for five days, training in ten.
   */
  static ClassBuilder valid(LocalDate today) {
    return new ClassBuilder()
        .name("测试班" + System.nanoTime())
        .audiences(Audience.PRACTISING_CPA, Audience.NON_PRACTISING)
        .location("深圳")
        .teachers("")
        .description("")
        .hours("8")
        .ethicsHours("2")
        .registration(today.minusDays(1), today.plusDays(5))
        .training(today.plusDays(10), today.plusDays(11))
        .places(10, 10)
        .confirmationMode("MANUAL")
        .waitlist(false)
        .published(true);
  }

  public ClassBuilder code(@Nullable String code) {
    this.code = code;
    return this;
  }

  public ClassBuilder name(@Nullable String name) {
    this.name = name;
    return this;
  }

  public ClassBuilder year(@Nullable Integer year) {
    this.year = year;
    return this;
  }

  public ClassBuilder audiences(Audience... audiences) {
    this.audiences = Arrays.stream(audiences).map(Enum::name).toList();
    return this;
  }

  /** Audiences as sent, known or not. */
  public ClassBuilder audiences(@Nullable List<String> audiences) {
    this.audiences = audiences;
    return this;
  }

  public ClassBuilder restriction(@Nullable String restriction) {
    this.restriction = restriction;
    return this;
  }

  public ClassBuilder restrictedFirms(@Nullable List<String> firms) {
    this.restrictedFirms = firms;
    return this;
  }

  /** Only the named firms may register. */
  public ClassBuilder namedFirms(String... firms) {
    return restriction("NAMED_FIRMS").restrictedFirms(List.of(firms));
  }

  public ClassBuilder mode(@Nullable String mode) {
    this.mode = mode;
    return this;
  }

  public ClassBuilder location(@Nullable String location) {
    this.location = location;
    return this;
  }

  public ClassBuilder teachers(@Nullable String teachers) {
    this.teachers = teachers;
    return this;
  }

  public ClassBuilder description(@Nullable String description) {
    this.description = description;
    return this;
  }

  public ClassBuilder hours(@Nullable String hours) {
    this.hours = hours == null ? null : new BigDecimal(hours);
    return this;
  }

  public ClassBuilder ethicsHours(@Nullable String ethicsHours) {
    this.ethicsHours = ethicsHours == null ? null : new BigDecimal(ethicsHours);
    return this;
  }

  public ClassBuilder fee(@Nullable String fee) {
    this.fee = fee == null ? null : new BigDecimal(fee);
    return this;
  }

  /** The registration period. */
  public ClassBuilder registration(LocalDate start, LocalDate end) {
    return registrationStart(start.toString()).registrationEnd(end.toString());
  }

  /** The training period. */
  public ClassBuilder training(LocalDate start, LocalDate end) {
    return trainingStart(start.toString()).trainingEnd(end.toString());
  }

  public ClassBuilder registrationStart(@Nullable String date) {
    this.registrationStart = date;
    return this;
  }

  public ClassBuilder registrationEnd(@Nullable String date) {
    this.registrationEnd = date;
    return this;
  }

  public ClassBuilder trainingStart(@Nullable String date) {
    this.trainingStart = date;
    return this;
  }

  public ClassBuilder trainingEnd(@Nullable String date) {
    this.trainingEnd = date;
    return this;
  }

  public ClassBuilder cancellationDeadline(@Nullable String date) {
    this.cancellationDeadline = date;
    return this;
  }

  /** 培训人数 and 培训班最大报名人数. */
  public ClassBuilder places(@Nullable Integer capacity, @Nullable Integer maxRegistrations) {
    this.capacity = capacity;
    this.maxRegistrations = maxRegistrations;
    return this;
  }

  public ClassBuilder confirmationMode(@Nullable String confirmationMode) {
    this.confirmationMode = confirmationMode;
    return this;
  }

  /** Confirmed automatically up to capacity (true) or by staff (false). */
  public ClassBuilder auto(boolean auto) {
    return confirmationMode(auto ? "AUTO" : "MANUAL");
  }

  public ClassBuilder waitlist(@Nullable Boolean waitlist) {
    this.waitlistEnabled = waitlist;
    return this;
  }

  public ClassBuilder external(@Nullable Boolean external) {
    this.external = external;
    return this;
  }

  public ClassBuilder externalUrl(@Nullable String url) {
    this.externalUrl = url;
    return this;
  }

  /** A 三院 class registered for on the given site. */
  public ClassBuilder externalAt(String url) {
    return external(true).externalUrl(url);
  }

  public ClassBuilder published(@Nullable Boolean published) {
    this.published = published;
    return this;
  }

  /** The stored class's id (for {@link #stored()}). */
  public ClassBuilder id(long id) {
    this.id = id;
    return this;
  }

  /** The organising institute (for {@link #stored()}). */
  public ClassBuilder institute(String code, String name) {
    this.instituteCode = code;
    this.instituteName = name;
    return this;
  }

  /** Whether the stored class is cancelled (for {@link #stored()}). */
  public ClassBuilder cancelled(boolean cancelled) {
    this.cancelled = cancelled;
    return this;
  }

  /** The input as the API or the form sends it. */
  public ClassInput build() {
    return new ClassInput(
        code,
        name,
        year,
        audiences,
        restriction,
        restrictedFirms,
        mode,
        location,
        teachers,
        description,
        hours,
        ethicsHours,
        fee,
        registrationStart,
        registrationEnd,
        trainingStart,
        trainingEnd,
        cancellationDeadline,
        capacity,
        maxRegistrations,
        confirmationMode,
        waitlistEnabled,
        external,
        externalUrl,
        published);
  }

  /**
   * The class as stored, with no registrations, the defaults of API.md for what is not given (code
   * SZ-year-001, deadline the day before training, no restriction, on site, manual confirmation).
   * The values must be valid: no rule is checked.
   */
  public TrainingClass stored() {
    LocalDate ts = LocalDate.parse(required(trainingStart, "trainingStart"));
    return new TrainingClass(
        id,
        code != null ? code : instituteCode + "-" + ts.getYear() + "-001",
        required(name, "name"),
        year != null ? year : ts.getYear(),
        instituteCode,
        instituteName,
        audiences == null ? List.of() : audiences.stream().map(Audience::valueOf).toList(),
        restriction == null
            ? TrainingClass.Restriction.NONE
            : TrainingClass.Restriction.valueOf(restriction.toUpperCase(Locale.ROOT)),
        restrictedFirms == null ? List.of() : restrictedFirms,
        mode == null
            ? TrainingClass.ClassMode.ON_SITE
            : TrainingClass.ClassMode.valueOf(mode.toUpperCase(Locale.ROOT)),
        location == null ? "" : location,
        teachers == null ? "" : teachers,
        description == null ? "" : description,
        required(hours, "hours"),
        ethicsHours == null ? BigDecimal.ZERO : ethicsHours,
        fee == null ? BigDecimal.ZERO : fee,
        LocalDate.parse(required(registrationStart, "registrationStart")),
        LocalDate.parse(required(registrationEnd, "registrationEnd")),
        ts,
        LocalDate.parse(required(trainingEnd, "trainingEnd")),
        cancellationDeadline == null ? ts.minusDays(1) : LocalDate.parse(cancellationDeadline),
        required(capacity, "capacity"),
        required(maxRegistrations, "maxRegistrations"),
        0,
        0,
        0,
        confirmationMode == null
            ? TrainingClass.ConfirmationMode.MANUAL
            : TrainingClass.ConfirmationMode.valueOf(confirmationMode.toUpperCase(Locale.ROOT)),
        Boolean.TRUE.equals(waitlistEnabled),
        Boolean.TRUE.equals(external),
        externalUrl,
        Boolean.TRUE.equals(published),
        cancelled);
  }

  private static <T> T required(@Nullable T value, String field) {
    if (value == null) {
      throw new IllegalStateException("A stored class needs " + field);
    }
    return value;
  }
}
