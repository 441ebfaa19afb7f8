package org.cmis.training;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The figures of the staff home (F6.4): the classes open for registration with their fill, the
 * registrations waiting for confirmation and the registrations made per day. {@code instituteCode}
 * null means every institute (admin).
 */
public interface TrainingFigures {

  /** A class open for registration today and how full it is. */
  record ClassFill(
      long id,
      String name,
      LocalDate registrationEnd,
      int capacity,
      int maxRegistrations,
      int registeredCount,
      int confirmedCount,
      long pendingCount) {

    /** Active registrations as a percentage of maxRegistrations (0–100). */
    public int percent() {
      return maxRegistrations <= 0
          ? 0
          : (int) Math.min(100, Math.round(100.0 * registeredCount / maxRegistrations));
    }
  }

  /** How many classes are open for registration today (published, not cancelled). */
  long openClassCount(@Nullable String instituteCode);

  /** The first open classes, soonest registration end first. */
  List<ClassFill> openClasses(@Nullable String instituteCode, int count);

  /** Registrations waiting for a decision (待确认) in classes not cancelled. */
  long pendingConfirmations(@Nullable String instituteCode);

  /**
   * Registrations made per calendar day (Asia/Shanghai) from {@code from} to {@code to} inclusive,
   * whatever their status now; every day present, zero when none.
   */
  Map<LocalDate, Long> registrationsPerDay(
      @Nullable String instituteCode, LocalDate from, LocalDate to);
}
