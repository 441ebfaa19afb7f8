package org.cmis.credits.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/** The certificate's words (F5.7): the sentence, its hours and date, the masked name. */
class CertificateTextsTest {

  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  private static ReloadableResourceBundleMessageSource bundle() {
    ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
    source.setBasename("classpath:i18n/certificates");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }

  @Test
  void theSentenceIsExactlyF57s() {
    assertThat(
            CertificateTexts.sentence(
                bundle(), ZH, "王小平", "440300010001", 2026, new BigDecimal("40.0")))
        .isEqualTo("王小平（注册会计师编号：440300010001），2026年完成注册会计师继续教育40学时，特此证明。");
    assertThat(
            CertificateTexts.sentence(
                bundle(), ZH, "李娜", "P03000100101", 2025, new BigDecimal("37.5")))
        .isEqualTo("李娜（注册会计师编号：P03000100101），2025年完成注册会计师继续教育37.5学时，特此证明。");
  }

  @Test
  void hoursHaveNoTrailingZeroWhenWholeElseOneDecimal() {
    assertThat(CertificateTexts.hours(new BigDecimal("40.0"))).isEqualTo("40");
    assertThat(CertificateTexts.hours(new BigDecimal("40"))).isEqualTo("40");
    assertThat(CertificateTexts.hours(new BigDecimal("0.0"))).isEqualTo("0");
    assertThat(CertificateTexts.hours(new BigDecimal("12.5"))).isEqualTo("12.5");
    assertThat(CertificateTexts.hours(new BigDecimal("12.50"))).isEqualTo("12.5");
    assertThat(CertificateTexts.hours(new BigDecimal("100.0"))).isEqualTo("100");
    assertThat(CertificateTexts.hours(new BigDecimal("0.5"))).isEqualTo("0.5");
  }

  @Test
  void theDateIsWrittenTheChineseWay() {
    assertThat(CertificateTexts.date(bundle(), ZH, LocalDate.of(2026, 3, 5)))
        .isEqualTo("2026年3月5日");
    assertThat(CertificateTexts.date(bundle(), ZH, LocalDate.of(2026, 12, 21)))
        .isEqualTo("2026年12月21日");
    assertThat(CertificateTexts.date(bundle(), Locale.ENGLISH, LocalDate.of(2026, 3, 5)))
        .isEqualTo("March 5, 2026");
  }

  @Test
  void namesAreMaskedButTheirFirstAndLastCharacters() {
    assertThat(CertificateTexts.maskName("王小平")).isEqualTo("王*平");
    assertThat(CertificateTexts.maskName("李娜")).isEqualTo("李*");
    assertThat(CertificateTexts.maskName("欧阳小明")).isEqualTo("欧**明");
    assertThat(CertificateTexts.maskName("张")).isEqualTo("*");
    assertThat(CertificateTexts.maskName("")).isEqualTo("*");
    assertThat(CertificateTexts.maskName(" 王小平 ")).isEqualTo("王*平");
    assertThat(CertificateTexts.maskName("阿依古丽·买买提")).isEqualTo("阿******提");
    // a character outside the BMP counts as one and is never cut in half
    assertThat(CertificateTexts.maskName("\uD840\uDC0B小平")).isEqualTo("\uD840\uDC0B*平");
    assertThat(CertificateTexts.maskName("王小\uD840\uDC0B")).isEqualTo("王*\uD840\uDC0B");
  }

  @Test
  void codesAreTwelveCharactersOfTheUnambiguousAlphabetAndDiffer() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      String code = CertificateCodes.next();
      assertThat(code).hasSize(12).matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{12}");
      seen.add(code);
    }
    assertThat(seen).hasSize(2000);
    assertThat(CertificateCodes.ALPHABET).doesNotContain("0", "O", "1", "I").hasSize(32);
  }

  @Test
  void typedCodesAreReadLenientlyAndAnythingElseIsNoCode() {
    assertThat(CertificateCodes.read("abcd-efgh-jk23")).contains("ABCDEFGHJK23");
    assertThat(CertificateCodes.read("ABCD EFGH JK23")).contains("ABCDEFGHJK23");
    assertThat(CertificateCodes.read("ABCDEFGHJK2")).isEmpty();
    assertThat(CertificateCodes.read("ABCDEFGHJK230")).isEmpty();
    assertThat(CertificateCodes.read("ABCDEFGHJK2O")).isEmpty();
    assertThat(CertificateCodes.read("中文中文中文中文中文中文")).isEmpty();
    assertThat(CertificateCodes.read("A".repeat(5000))).isEmpty();
    assertThat(CertificateCodes.read("")).isEmpty();
  }
}
