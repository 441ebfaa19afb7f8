package org.cmis.credits;

/**
 * Where an entry comes from: a registration's attendance (its id), a staff member's manual entry,
 * or an approved output-based claim (its id). A reversal keeps its original's source.
 */
public enum HourSource {
  REGISTRATION,
  MANUAL,
  CLAIM
}
