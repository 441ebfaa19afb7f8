package org.cmis.training;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** 报名确认状态 of one registration. */
public enum RegistrationStatus {
  PENDING,
  CONFIRMED,
  REJECTED,
  CANCELLED,
  WAITLISTED;

  /** The live states (see {@link #live()}), in declaration order. */
  public static final List<RegistrationStatus> LIVE =
      Arrays.stream(values()).filter(RegistrationStatus::live).toList();

  /** The live states as an SQL list, e.g. {@code status in ('PENDING', 'CONFIRMED', ...)}. */
  public static final String LIVE_SQL =
      LIVE.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));

  /** Holds a place: counted in registeredCount. */
  public boolean active() {
    return this == PENDING || this == CONFIRMED;
  }

  /** Active or waitlisted: at most one per member and class. */
  public boolean live() {
    return active() || this == WAITLISTED;
  }
}
