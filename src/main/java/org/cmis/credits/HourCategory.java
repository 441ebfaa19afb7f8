package org.cmis.credits;

/**
 * The kinds of hours (API.md, Hours): a class of the system (TRAINING) and hours recognised from
 * elsewhere by staff (EXTERNAL, e.g. a 三院 class or hours brought from another institute) are
 * input-based (投入式); OUTPUT are output-based (产出法) hours, capped by the year's rule.
 */
public enum HourCategory {
  TRAINING,
  OUTPUT,
  EXTERNAL;

  /** Whether these hours are input-based (投入式): everything but OUTPUT. */
  public boolean inputBased() {
    return this != OUTPUT;
  }
}
