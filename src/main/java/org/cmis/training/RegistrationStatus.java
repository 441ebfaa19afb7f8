package org.cmis.training;

/** 报名确认状态 of one registration. */
public enum RegistrationStatus {
  PENDING,
  CONFIRMED,
  REJECTED,
  CANCELLED,
  WAITLISTED;

  /** Holds a place: counted in registeredCount. */
  public boolean active() {
    return this == PENDING || this == CONFIRMED;
  }

  /** Active or waitlisted: at most one per member and class. */
  public boolean live() {
    return active() || this == WAITLISTED;
  }
}
