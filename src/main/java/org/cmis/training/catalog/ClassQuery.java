package org.cmis.training.catalog;

import java.time.LocalDate;
import org.cmis.training.Audience;
import org.cmis.training.ClassStatus;
import org.jspecify.annotations.Nullable;

/** The filters of the class list (F3.3; API.md, Training classes). */
public record ClassQuery(
    @Nullable Integer year,
    @Nullable Audience audience,
    @Nullable String name,
    @Nullable LocalDate registrationStartFrom,
    @Nullable LocalDate registrationEndTo,
    @Nullable LocalDate trainingStartFrom,
    @Nullable LocalDate trainingEndTo,
    @Nullable ClassStatus status,
    @Nullable String institute) {

  public static ClassQuery none() {
    return new ClassQuery(null, null, null, null, null, null, null, null, null);
  }
}
