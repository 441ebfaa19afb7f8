package org.cmis.credits.claim;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The same work is claimed once per member (ADR 0031). An earlier claim of the member that is not
 * withdrawn, not a draft and not reversed is the same work when it has the same type and the same
 * identifier (normalised: ISBN 978-7-111 = 9787111), or the same normalised title and date: the
 * claim is refused naming it. A title merely close to an earlier one's (Dice coefficient of their
 * character bigrams ≥ 0.8) is flagged to the reviewer instead. Co-authors are different members:
 * each claims its own share. Pure.
 */
public final class Duplicates {

  /** How close two titles must be to be flagged. */
  static final double CLOSE = 0.8;

  private Duplicates() {}

  /** What duplicate detection knows of a claim. */
  public record Work(
      long id,
      String typeCode,
      String identifierKey,
      String titleKey,
      LocalDate workDate,
      ClaimStatus status) {}

  /** The verdict: the earlier claim that is the same work, or one with a close title, or none. */
  public record Verdict(Optional<Work> same, Optional<Work> similar) {}

  /** Compares a claim with the member's other claims. */
  public static Verdict check(Work claim, List<Work> others) {
    Work similar = null;
    double best = 0;
    for (Work o : others) {
      if (o.id() == claim.id() || !counts(o.status())) {
        continue;
      }
      boolean sameIdentifier =
          o.typeCode().equals(claim.typeCode())
              && !claim.identifierKey().isEmpty()
              && o.identifierKey().equals(claim.identifierKey());
      boolean sameTitle =
          o.titleKey().equals(claim.titleKey()) && o.workDate().equals(claim.workDate());
      if (sameIdentifier || sameTitle) {
        return new Verdict(Optional.of(o), Optional.empty());
      }
      double d = dice(o.titleKey(), claim.titleKey());
      if (d >= CLOSE && d > best) {
        best = d;
        similar = o;
      }
    }
    return new Verdict(Optional.empty(), Optional.ofNullable(similar));
  }

  /** Whether an earlier claim in this status stands for its work. */
  static boolean counts(ClaimStatus status) {
    return status != ClaimStatus.WITHDRAWN
        && status != ClaimStatus.DRAFT
        && status != ClaimStatus.REVERSED;
  }

  /** A title as compared: NFKC, lower case, letters and digits only (CJK kept). */
  public static String titleKey(String title) {
    String t = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder();
    t.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
    return b.length() > 200 ? b.substring(0, 200) : b.toString();
  }

  /** An identifier as compared: NFKC, upper case, letters and digits only. */
  public static String identifierKey(String identifier) {
    String t = Normalizer.normalize(identifier, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
    StringBuilder b = new StringBuilder();
    t.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
    return b.length() > 100 ? b.substring(0, 100) : b.toString();
  }

  /** The Dice coefficient of two texts' character bigrams (1 for equal texts). */
  static double dice(String a, String b) {
    if (a.equals(b)) {
      return 1;
    }
    Set<String> x = bigrams(a);
    Set<String> y = bigrams(b);
    if (x.isEmpty() || y.isEmpty()) {
      return 0;
    }
    Set<String> both = new HashSet<>(x);
    both.retainAll(y);
    return 2.0 * both.size() / (x.size() + y.size());
  }

  private static Set<String> bigrams(String s) {
    Set<String> grams = new HashSet<>();
    int[] cps = s.codePoints().toArray();
    for (int i = 0; i + 1 < cps.length; i++) {
      grams.add(new String(cps, i, 2));
    }
    return grams;
  }
}
