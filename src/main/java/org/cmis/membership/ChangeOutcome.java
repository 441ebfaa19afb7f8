package org.cmis.membership;

/** What a change did: applied, nothing to change (the same values), or ignored (an old version). */
public enum ChangeOutcome {
  APPLIED,
  UNCHANGED,
  IGNORED
}
