package org.cmis.training.notice;

import java.time.LocalDate;
import org.cmis.training.ClassStatus;

/** A class linked from a notice, with its status today and whether one may register now. */
public record LinkedClass(
    long id,
    String name,
    String instituteName,
    LocalDate registrationStart,
    LocalDate registrationEnd,
    ClassStatus status,
    boolean external) {

  /** Open for registration on this system (三院 classes register elsewhere). */
  public boolean registrable() {
    return status == ClassStatus.OPEN && !external;
  }
}
