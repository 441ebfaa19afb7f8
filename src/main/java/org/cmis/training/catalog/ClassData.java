package org.cmis.training.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.cmis.training.Audience;
import org.jspecify.annotations.Nullable;

/** The writable fields of a class, complete and checked (see {@link ClassRules}). */
public record ClassData(
    String code,
    String name,
    int year,
    List<Audience> audiences,
    TrainingClass.Restriction restriction,
    List<String> restrictedFirms,
    TrainingClass.ClassMode mode,
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
    TrainingClass.ConfirmationMode confirmationMode,
    boolean waitlistEnabled,
    boolean external,
    @Nullable String externalUrl,
    boolean published) {}
