package org.cmis.training;

/** 培训对象: who a class is for, matching the member categories. */
public enum Audience {
  PRACTISING_CPA,
  NON_PRACTISING,
  PRACTITIONER
}
