package org.cmis.training.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The class form of the staff pages (F3.1): every field of {@link ClassInput}, as the browser sends
 * it. The form is always complete, so blanks mean "empty", never "unchanged".
 */
public class ClassForm {

  /** The form's fields; a field error on any other field is shown above the form. */
  static final Set<String> FIELDS =
      Set.of(
          "code",
          "name",
          "audiences",
          "restriction",
          "restrictedFirms",
          "mode",
          "location",
          "teachers",
          "hours",
          "ethicsHours",
          "fee",
          "registrationStart",
          "registrationEnd",
          "trainingStart",
          "trainingEnd",
          "cancellationDeadline",
          "capacity",
          "maxRegistrations",
          "confirmationMode",
          "waitlistEnabled",
          "external",
          "externalUrl",
          "description",
          "published");

  private String code = "";
  private String name = "";
  private List<String> audiences = new ArrayList<>();
  private String restriction = TrainingClass.Restriction.NONE.name();
  private String restrictedFirms = "";
  private String mode = TrainingClass.ClassMode.ON_SITE.name();
  private String location = "";
  private String teachers = "";
  private @Nullable BigDecimal hours;
  private @Nullable BigDecimal ethicsHours;
  private @Nullable BigDecimal fee;
  private String registrationStart = "";
  private String registrationEnd = "";
  private String trainingStart = "";
  private String trainingEnd = "";
  private String cancellationDeadline = "";
  private @Nullable Integer capacity;
  private @Nullable Integer maxRegistrations;
  private String confirmationMode = TrainingClass.ConfirmationMode.MANUAL.name();
  private boolean waitlistEnabled;
  private boolean external;
  private String externalUrl = "";
  private String description = "";
  private boolean published;

  /** The stored class, for the edit page. */
  static ClassForm of(TrainingClass c) {
    ClassForm f = new ClassForm();
    f.code = c.code();
    f.name = c.name();
    f.audiences = new ArrayList<>(c.audiences().stream().map(Enum::name).toList());
    f.restriction = c.restriction().name();
    f.restrictedFirms = String.join(", ", c.restrictedFirms());
    f.mode = c.mode().name();
    f.location = c.location();
    f.teachers = c.teachers();
    f.hours = c.hours();
    f.ethicsHours = c.ethicsHours();
    f.fee = c.fee();
    f.registrationStart = c.registrationStart().toString();
    f.registrationEnd = c.registrationEnd().toString();
    f.trainingStart = c.trainingStart().toString();
    f.trainingEnd = c.trainingEnd().toString();
    f.cancellationDeadline = c.cancellationDeadline().toString();
    f.capacity = c.capacity();
    f.maxRegistrations = c.maxRegistrations();
    f.confirmationMode = c.confirmationMode().name();
    f.waitlistEnabled = c.waitlistEnabled();
    f.external = c.external();
    f.externalUrl = c.externalUrl() == null ? "" : c.externalUrl();
    f.description = c.description();
    f.published = c.published();
    return f;
  }

  /**
   * The form as service input: the year follows the training start, blank ethics hours and fee are
   * 0, firms are split on commas, blanks and line breaks.
   */
  ClassInput toInput() {
    return new ClassInput(
        code.trim(),
        name,
        yearOf(trainingStart),
        audiences == null ? List.of() : List.copyOf(audiences),
        restriction,
        Arrays.stream(restrictedFirms.split("[,，;；\\s]+")).filter(s -> !s.isBlank()).toList(),
        mode,
        location,
        teachers,
        description,
        hours,
        ethicsHours == null ? BigDecimal.ZERO : ethicsHours,
        fee == null ? BigDecimal.ZERO : fee,
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

  private static @Nullable Integer yearOf(String date) {
    try {
      return date.isBlank() ? null : LocalDate.parse(date.trim()).getYear();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value;
  }

  public String getCode() {
    return code;
  }

  public void setCode(@Nullable String code) {
    this.code = text(code);
  }

  public String getName() {
    return name;
  }

  public void setName(@Nullable String name) {
    this.name = text(name);
  }

  public List<String> getAudiences() {
    return audiences;
  }

  public void setAudiences(@Nullable List<String> audiences) {
    this.audiences = audiences == null ? new ArrayList<>() : new ArrayList<>(audiences);
  }

  public String getRestriction() {
    return restriction;
  }

  public void setRestriction(@Nullable String restriction) {
    this.restriction = text(restriction);
  }

  public String getRestrictedFirms() {
    return restrictedFirms;
  }

  public void setRestrictedFirms(@Nullable String restrictedFirms) {
    this.restrictedFirms = text(restrictedFirms);
  }

  public String getMode() {
    return mode;
  }

  public void setMode(@Nullable String mode) {
    this.mode = text(mode);
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(@Nullable String location) {
    this.location = text(location);
  }

  public String getTeachers() {
    return teachers;
  }

  public void setTeachers(@Nullable String teachers) {
    this.teachers = text(teachers);
  }

  public @Nullable BigDecimal getHours() {
    return hours;
  }

  public void setHours(@Nullable BigDecimal hours) {
    this.hours = hours;
  }

  public @Nullable BigDecimal getEthicsHours() {
    return ethicsHours;
  }

  public void setEthicsHours(@Nullable BigDecimal ethicsHours) {
    this.ethicsHours = ethicsHours;
  }

  public @Nullable BigDecimal getFee() {
    return fee;
  }

  public void setFee(@Nullable BigDecimal fee) {
    this.fee = fee;
  }

  public String getRegistrationStart() {
    return registrationStart;
  }

  public void setRegistrationStart(@Nullable String registrationStart) {
    this.registrationStart = text(registrationStart);
  }

  public String getRegistrationEnd() {
    return registrationEnd;
  }

  public void setRegistrationEnd(@Nullable String registrationEnd) {
    this.registrationEnd = text(registrationEnd);
  }

  public String getTrainingStart() {
    return trainingStart;
  }

  public void setTrainingStart(@Nullable String trainingStart) {
    this.trainingStart = text(trainingStart);
  }

  public String getTrainingEnd() {
    return trainingEnd;
  }

  public void setTrainingEnd(@Nullable String trainingEnd) {
    this.trainingEnd = text(trainingEnd);
  }

  public String getCancellationDeadline() {
    return cancellationDeadline;
  }

  public void setCancellationDeadline(@Nullable String cancellationDeadline) {
    this.cancellationDeadline = text(cancellationDeadline);
  }

  public @Nullable Integer getCapacity() {
    return capacity;
  }

  public void setCapacity(@Nullable Integer capacity) {
    this.capacity = capacity;
  }

  public @Nullable Integer getMaxRegistrations() {
    return maxRegistrations;
  }

  public void setMaxRegistrations(@Nullable Integer maxRegistrations) {
    this.maxRegistrations = maxRegistrations;
  }

  public String getConfirmationMode() {
    return confirmationMode;
  }

  public void setConfirmationMode(@Nullable String confirmationMode) {
    this.confirmationMode = text(confirmationMode);
  }

  public boolean isWaitlistEnabled() {
    return waitlistEnabled;
  }

  public void setWaitlistEnabled(boolean waitlistEnabled) {
    this.waitlistEnabled = waitlistEnabled;
  }

  public boolean isExternal() {
    return external;
  }

  public void setExternal(boolean external) {
    this.external = external;
  }

  public String getExternalUrl() {
    return externalUrl;
  }

  public void setExternalUrl(@Nullable String externalUrl) {
    this.externalUrl = text(externalUrl);
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(@Nullable String description) {
    this.description = text(description);
  }

  public boolean isPublished() {
    return published;
  }

  public void setPublished(boolean published) {
    this.published = published;
  }
}
