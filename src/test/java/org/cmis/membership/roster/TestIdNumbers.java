package org.cmis.membership.roster;

import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.cmis.shared.IdNumber;

/** Valid ID numbers, unique within a test run: Shenzhen districts, random birth dates. */
public final class TestIdNumbers {

  private static final AtomicInteger serial =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(900));

  private TestIdNumbers() {}

  /** A new valid ID number of a man ({@code male}) or a woman. */
  public static String next(boolean male) {
    LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(12000));
    int s = serial.incrementAndGet() % 500;
    int order = s * 2 + (male ? 1 : 0);
    String body =
        String.format(
            Locale.ROOT,
            "4403%02d%s%03d",
            ThreadLocalRandom.current().nextInt(1, 99),
            birth.toString().replace("-", ""),
            order % 1000);
    return body + IdNumber.checkCharacter(body);
  }

  /** The same number with a wrong check character. */
  public static String wrongCheck(String idNumber) {
    char c = idNumber.charAt(17);
    char wrong = c == '0' ? '1' : '0';
    return idNumber.substring(0, 17) + wrong;
  }

  /** The birth date an ID number states. */
  public static LocalDate birthOf(String idNumber) {
    return LocalDate.parse(
        idNumber.substring(6, 10)
            + "-"
            + idNumber.substring(10, 12)
            + "-"
            + idNumber.substring(12, 14));
  }
}
