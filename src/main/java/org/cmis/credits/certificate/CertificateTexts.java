package org.cmis.credits.certificate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The words of a certificate: F5.7's sentence, its hours without a trailing ".0" ({@code 40},
 * {@code 40.5}), its date ({@code 2026年12月2日}) and, for the public verification page, the name
 * partly masked ({@code 王*平}, {@code 李*}). The texts come from the certificates bundle.
 */
final class CertificateTexts {

  private CertificateTexts() {}

  /**
   * Hours as a certificate states them: a whole number without decimals, else one decimal (the
   * ledger keeps halves only, so one decimal is exact).
   */
  static String hours(BigDecimal hours) {
    BigDecimal oneDecimal = hours.setScale(1, RoundingMode.HALF_UP);
    if (oneDecimal.remainder(BigDecimal.ONE).signum() == 0) {
      return oneDecimal.setScale(0, RoundingMode.UNNECESSARY).toPlainString();
    }
    return oneDecimal.toPlainString();
  }

  /**
   * F5.7's sentence: "{姓名}（注册会计师编号：{编号}），{年}年完成注册会计师继续教育{N}学时，特此证明。" The year goes in as text, so
   * that no locale writes it "2,026".
   */
  static String sentence(
      MessageSource texts,
      Locale locale,
      String name,
      String memberNo,
      int year,
      BigDecimal hours) {
    return texts.getMessage(
        "certificate.sentence",
        new Object[] {name, memberNo, Integer.toString(year), hours(hours)},
        locale);
  }

  /** The issue date as the certificate prints it ({@code yyyy年M月d日} in Chinese). */
  static String date(MessageSource texts, Locale locale, LocalDate date) {
    String pattern = texts.getMessage("certificate.datePattern", null, "yyyy年M月d日", locale);
    return DateTimeFormatter.ofPattern(pattern, locale).format(date);
  }

  /**
   * A name with all but its first and last character masked ({@code 王小平} → {@code 王*平}, {@code
   * 欧阳小明} → {@code 欧**明}); a two-character name keeps its first ({@code 李*}), a one-character name
   * shows only {@code *}. Counted in code points, so that no character is cut in half; surrounding
   * blanks do not count.
   */
  static String maskName(String name) {
    int[] points = name.strip().codePoints().toArray();
    if (points.length <= 1) {
      return "*";
    }
    StringBuilder masked = new StringBuilder().appendCodePoint(points[0]);
    if (points.length == 2) {
      return masked.append('*').toString();
    }
    masked.append("*".repeat(points.length - 2));
    return masked.appendCodePoint(points[points.length - 1]).toString();
  }
}
