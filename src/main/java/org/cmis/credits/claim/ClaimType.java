package org.cmis.credits.claim;

import java.math.BigDecimal;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A kind of output-based work and its rule, as data (ADR 0030): how the hours are computed ({@code
 * mode}: a fixed amount, hours per unit of {@code unitLabel}, or the hours claimed), the most one
 * claim may be granted, the yearly cap per member, the identifier the type asks for, the evidence
 * it needs, and its conditions. {@link ClaimRules} is the one place that reads them.
 */
public record ClaimType(
    String code,
    String name,
    Mode mode,
    BigDecimal hoursPerUnit,
    String unitLabel,
    BigDecimal maxPerClaim,
    @Nullable BigDecimal yearlyCap,
    String identifierLabel,
    boolean identifierRequired,
    String evidenceHint,
    int minEvidence,
    Set<Condition> conditions,
    boolean active,
    int sortOrder) {

  /** How a type's hours are computed. */
  public enum Mode {
    /** {@code hoursPerUnit} is the amount of one claim. */
    FIXED,
    /** {@code hoursPerUnit} × the claim's units (e.g. 2 × the course's hours). */
    PER_UNIT,
    /** The hours claimed, up to the most per claim. */
    CLAIMED
  }

  /** The conditions a type may have, each checked by {@link ClaimRules}. */
  public enum Condition {
    /** Only once published: the work's date (its publication) is not after today. */
    PUBLISHED,
    /** Only the first delivery: no earlier claim of the member with the same identifier. */
    FIRST_DELIVERY
  }

  public ClaimType {
    conditions = Set.copyOf(conditions);
  }

  /** Whether the type asks for an identifier at all. */
  public boolean hasIdentifier() {
    return !identifierLabel.isBlank();
  }

  /** Whether the type's hours depend on a number of units. */
  public boolean perUnit() {
    return mode == Mode.PER_UNIT;
  }
}
