package org.cmis.membership;

/** 执业注册会计师, 非执业会员, 从业人员. */
public enum MemberCategory {
  PRACTISING_CPA,
  NON_PRACTISING,
  PRACTITIONER
}
