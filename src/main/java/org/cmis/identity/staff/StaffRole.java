package org.cmis.identity.staff;

/**
 * What a staff account of an institute may do (ADR 0024). Both see everything of their institute;
 * only a training officer changes classes, notices, attendance and hours.
 */
public enum StaffRole {
  /** 培训专员: every staff action of its institute. */
  TRAINING_OFFICER,
  /** 审核员: confirms or returns registrations and reviews applications; reads the rest. */
  REVIEWER
}
