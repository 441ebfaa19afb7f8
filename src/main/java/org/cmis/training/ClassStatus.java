package org.cmis.training;

/** 培训状态, derived from dates and flags, never stored (F3.2). */
public enum ClassStatus {
  DRAFT,
  NOT_OPEN,
  OPEN,
  CLOSED,
  IN_PROGRESS,
  FINISHED,
  CANCELLED
}
