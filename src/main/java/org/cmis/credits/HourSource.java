package org.cmis.credits;

/**
 * Where an entry comes from: a registration's attendance (its id), a staff member's manual entry,
 * an approved output-based claim (its id), or a row of an import of external hours (the id of its
 * {@code external_hour} row, ISSUE 14). A reversal keeps its original's source.
 */
public enum HourSource {
  REGISTRATION,
  MANUAL,
  CLAIM,
  IMPORT
}
