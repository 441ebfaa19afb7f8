package org.cmis.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cmis.demo.DemoClasses.DemoRegistration;

/**
 * The attendance and hours of the demo set (ISSUE 11, point 8): in each demo firm the same CPA
 * serials attend, miss or declare the four past classes of their institute, so that every firm has
 * people compliant for the current year (≥ 40 hours, ≥ 4 of ethics) and people short, and its
 * 注册会计师培训情况查询 shows both. Serials 21 to 35 only: the demo people tests use by number (1 to 20, 45,
 * 50) keep no hours and no past registrations. Pure: no database.
 *
 * <p>Per firm (audit class 24 h with 2 of ethics, ethics class 16 h with 4 of ethics, manual entry
 * 16 h with 2 of ethics or 16 h without):
 *
 * <ul>
 *   <li>21–24: both classes attended, 40 h, 6 ethics: compliant;
 *   <li>25–26: the audit class and a manual 三院 entry, 40 h, 4 ethics: compliant;
 *   <li>27–29: the audit class only, 24 h: short;
 *   <li>30: the ethics class only, 16 h: short;
 *   <li>31–32: the audit class attended, the ethics class confirmed and absent (no-shows): short;
 *   <li>33: the audit class attended, the ethics class declared (不参加说明) and absent: short, not a
 *       no-show;
 *   <li>34: the audit class attended, the ethics class confirmed and not marked yet: short, not a
 *       no-show;
 *   <li>35: the audit class and a manual entry without ethics, 40 h but 2 ethics: short on ethics.
 * </ul>
 */
final class DemoHours {

  /** The class keys of the past classes, per institute: audit, then ethics. */
  static final String SZ_AUDIT = "sz-past-audit";

  static final String SZ_ETHICS = "sz-past-ethics";
  static final String BJ_AUDIT = "bj-past-audit";
  static final String BJ_ETHICS = "bj-past-ethics";

  /** Serials compliant by the two classes, and by a class and a manual entry. */
  static final List<Integer> COMPLIANT = List.of(21, 22, 23, 24, 25, 26);

  /** Serials short of the yearly minimum or of its ethics part. */
  static final List<Integer> SHORT = List.of(27, 28, 29, 30, 31, 32, 33, 34, 35);

  /** Serials that are no-shows of the ethics class. */
  static final List<Integer> NO_SHOWS = List.of(31, 32);

  /** The hours of a manual entry and of its ethics part. */
  static final BigDecimal MANUAL_HOURS = new BigDecimal("16");

  /** A manual EXTERNAL entry of the current year for a demo member. */
  record ManualEntry(String memberNo, String instituteCode, BigDecimal hours, BigDecimal ethics) {}

  private static final String ATTENDED = "ATTENDED";
  private static final String ABSENT = "ABSENT";

  private DemoHours() {}

  /** The registrations of the past classes, firm by firm, in serial order. */
  static List<DemoRegistration> registrations() {
    List<DemoRegistration> all = new ArrayList<>();
    for (String firmNo : firms()) {
      boolean sz = firmNo.startsWith("4403");
      String audit = sz ? SZ_AUDIT : BJ_AUDIT;
      String ethics = sz ? SZ_ETHICS : BJ_ETHICS;
      for (int s = 21; s <= 35; s++) {
        String no = firmNo + String.format(Locale.ROOT, "%04d", s);
        String channel = s % 2 == 0 ? "SELF" : "FIRM";
        if (s != 30) {
          all.add(new DemoRegistration(audit, no, "CONFIRMED", channel, ATTENDED, false));
        }
        if (s <= 24 || s == 30) {
          all.add(new DemoRegistration(ethics, no, "CONFIRMED", channel, ATTENDED, false));
        } else if (s == 31 || s == 32) {
          all.add(new DemoRegistration(ethics, no, "CONFIRMED", channel, ABSENT, false));
        } else if (s == 33) {
          all.add(new DemoRegistration(ethics, no, "CONFIRMED", channel, ABSENT, true));
        } else if (s == 34) {
          all.add(new DemoRegistration(ethics, no, "CONFIRMED", channel, null, false));
        }
      }
    }
    return all;
  }

  /** The manual entries: a 三院 class with ethics for 25 and 26, one without for 35. */
  static List<ManualEntry> manualEntries() {
    List<ManualEntry> all = new ArrayList<>();
    for (String firmNo : firms()) {
      String institute = firmNo.startsWith("4403") ? "SZ" : "BJ";
      for (int s : List.of(25, 26, 35)) {
        String no = firmNo + String.format(Locale.ROOT, "%04d", s);
        BigDecimal ethics = s == 35 ? BigDecimal.ZERO : new BigDecimal("2");
        all.add(new ManualEntry(no, institute, MANUAL_HOURS, ethics));
      }
    }
    return all;
  }

  /** The demo firms' numbers: SZ 44030001 to 44030020, BJ 11010001 to 11010005. */
  static List<String> firms() {
    List<String> firms = new ArrayList<>();
    for (int f = 1; f <= DemoDataGenerator.SZ_FIRMS; f++) {
      firms.add(String.format(Locale.ROOT, "4403%04d", f));
    }
    for (int f = 1; f <= DemoDataGenerator.BJ_FIRMS; f++) {
      firms.add(String.format(Locale.ROOT, "1101%04d", f));
    }
    return firms;
  }
}
