package org.cmis.credits.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.cmis.support.TestFirms;
import org.cmis.support.TestFirms.Firm;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The certificate pages (MockMvcTester, real PostgreSQL): the printable 学时证明 with F5.7's sentence
 * for the member, its firm and staff (others 404, odd years a clear message), and the public
 * verification pages: the facts masked, 无此证明 with 404, superseded, the throttle's 429.
 */
@IntegrationTest
class CertificatePagesTest {

  private static final Pattern CODE =
      Pattern.compile("data-test=\"code\">(" + CertificateApiTest.CODE + ")<");

  @Autowired MockMvcTester mvc;
  @Autowired TestFirms firms;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  private Firm firm;
  private int year;
  private String today;

  @BeforeEach
  void aFirm() {
    firm = firms.aFirm().withCpas(2).withMemberAccounts().create();
    LocalDate date = LocalDate.now(clock);
    year = date.getYear();
    today = date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  private WebSession signedIn(String type, String account, String password) {
    WebSession web = new WebSession(mvc);
    assertThat(web.signIn(type, account, password)).hasStatus3xxRedirection();
    return web;
  }

  private static String codeOf(MvcTestResult page) {
    String html;
    try {
      html = page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
    Matcher m = CODE.matcher(html);
    assertThat(m.find()).as("a code on the page").isTrue();
    return m.group(1);
  }

  @Test
  void aMemberPrintsItsCertificateWithF57sSentence() {
    CertificateApiTest.entry(jdbc, firm.memberNo(1), year, "36.0", "4.0");
    CertificateApiTest.entry(jdbc, firm.memberNo(1), year, "4.5", "0");
    WebSession member = signedIn("MEMBER", firm.memberNo(1), TestFirms.PASSWORD);
    MvcTestResult page = member.get("/hours/certificate?year=" + year);
    assertThat(page)
        .hasStatusOk()
        .bodyText()
        .contains(
            firm.cpa(1).name()
                + "（注册会计师编号："
                + firm.memberNo(1)
                + "），"
                + year
                + "年完成注册会计师继续教育40.5学时，特此证明。")
        .contains("深圳市注册会计师协会", today, "<svg", "/verify/", "data-print", "打印")
        .contains("/css/certificates.css", "/js/certificates.js");
    String code = codeOf(page);
    assertThat(member.get("/hours/certificate?year=" + year))
        .as("printed again: the same certificate")
        .bodyText()
        .contains(code);
    assertThat(member.get("/hours/certificate")).as("the current year by default").hasStatusOk();
    assertThat(member.get("/hours/people/" + firm.memberNo(2) + "/certificate")).hasStatus(404);
  }

  @Test
  void theFirmAndStaffPrintAPersonsCertificateAndOthersGet404() {
    String no = firm.memberNo(2);
    CertificateApiTest.entry(jdbc, no, year, "40.0", "4.0");
    String path = "/hours/people/" + no + "/certificate?year=" + year;
    String sentence = "年完成注册会计师继续教育40学时，特此证明。";
    WebSession ownFirm = signedIn("FIRM", firm.firmNo(), TestFirms.PASSWORD);
    assertThat(ownFirm.get(path)).hasStatusOk().bodyText().contains(sentence);
    assertThat(signedIn("STAFF", "sz-staff", "Demo@2026").get(path))
        .hasStatusOk()
        .bodyText()
        .contains(sentence);
    assertThat(signedIn("STAFF", "admin", "Demo@2026").get(path)).hasStatusOk();

    assertThat(signedIn("STAFF", "bj-staff", "Demo@2026").get(path)).hasStatus(404);
    assertThat(signedIn("FIRM", "44030001", "Demo@2026").get(path)).hasStatus(404);
    assertThat(signedIn("MEMBER", firm.memberNo(1), TestFirms.PASSWORD).get(path)).hasStatus(404);
    assertThat(ownFirm.get("/hours/certificate"))
        .as("a firm has no certificate of its own")
        .hasStatus(404);
    assertThat(ownFirm.get("/hours/people/440399999999/certificate")).hasStatus(404);
  }

  @Test
  void oddYearsGetAClearMessage() {
    WebSession member = signedIn("MEMBER", firm.memberNo(1), TestFirms.PASSWORD);
    for (String y :
        new String[] {"0", "99999", "abc", "1999", Integer.toString(year + 1), "２０２６"}) {
      assertThat(member.get("/hours/certificate?year=" + y))
          .as(y)
          .hasStatus(422)
          .bodyText()
          .contains("年度须为 2000 年至今年之间的年份");
    }
    assertThat(
            jdbc.sql("select count(*) from hours_certificate where member_no = :no")
                .param("no", firm.memberNo(1))
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void anyoneVerifiesACodeWithoutSigningInAndSeesTheFactsMasked() {
    CertificateApiTest.entry(jdbc, firm.memberNo(1), year, "16.0", "2.0");
    WebSession member = signedIn("MEMBER", firm.memberNo(1), TestFirms.PASSWORD);
    String code = codeOf(member.get("/hours/certificate?year=" + year));

    WebSession anyone = new WebSession(mvc);
    MvcTestResult page = anyone.get("/verify/" + code);
    assertThat(page)
        .hasStatusOk()
        .bodyText()
        .contains(
            CertificateTexts.maskName(firm.cpa(1).name()),
            firm.memberNo(1),
            "<td data-test=\"year\">" + year + "</td>",
            "<td data-test=\"hours\">16</td>",
            "深圳市注册会计师协会",
            today,
            "此证明真实有效")
        .doesNotContain(firm.cpa(1).name());
    assertThat(anyone.get("/verify?code=" + code.toLowerCase(java.util.Locale.ROOT)))
        .hasStatus3xxRedirection()
        .hasRedirectedUrl("/verify/" + code);
    assertThat(anyone.get("/verify")).hasStatusOk().bodyText().contains("name=\"code\"", "核验");
  }

  @Test
  void aWrongCodeShowsNoSuchCertificateWith404() {
    WebSession anyone = new WebSession(mvc);
    for (String code : new String[] {"ABCDEFGHJK23", "nope", "中文", "X".repeat(1500), "😀", "a b"}) {
      assertThat(anyone.get("/verify/" + code))
          .as(code)
          .hasStatus(404)
          .bodyText()
          .contains("无此证明")
          .doesNotContain("Exception");
    }
    assertThat(anyone.get("/verify/%F0%9F%98%80"))
        .as("an encoded percent: the firewall's 400, never a 500")
        .hasStatus(400);
    assertThat(anyone.get("/verify?code=中文")).hasStatus(404).bodyText().contains("无此证明");
  }

  @Test
  void aReversalMarksTheCertificateSuperseded() {
    String no = firm.memberNo(2);
    long taken = CertificateApiTest.entry(jdbc, no, year, "10.0", "0");
    CertificateApiTest.entry(jdbc, no, year, "30.0", "4.0");
    WebSession ownFirm = signedIn("FIRM", firm.firmNo(), TestFirms.PASSWORD);
    String code = codeOf(ownFirm.get("/hours/people/" + no + "/certificate?year=" + year));
    WebSession anyone = new WebSession(mvc);
    assertThat(anyone.get("/verify/" + code)).bodyText().doesNotContain("此证明已被更新的证明取代");

    CertificateApiTest.reverse(jdbc, taken);
    assertThat(anyone.get("/verify/" + code))
        .hasStatusOk()
        .bodyText()
        .contains("此证明已被更新的证明取代", "<td data-test=\"hours\">40</td>", "已被取代");
    String newer = codeOf(ownFirm.get("/hours/people/" + no + "/certificate?year=" + year));
    assertThat(newer).isNotEqualTo(code);
    assertThat(anyone.get("/verify/" + newer))
        .bodyText()
        .contains("<td data-test=\"hours\">30</td>", "此证明真实有效");
  }

  @Test
  void tooManyLookUpsFromOneAddressGetA429Page() {
    WebSession anyone = new WebSession(mvc, TestAccounts.address());
    for (int i = 0; i < 30; i++) {
      assertThat(anyone.get("/verify/ABCDEFGHJK2" + (i % 8 + 2))).hasStatus(404);
    }
    MvcTestResult refused = anyone.get("/verify/ABCDEFGHJK23");
    assertThat(refused).hasStatus(429).bodyText().contains("查询过于频繁，请一分钟后再试。");
    assertThat(refused.getResponse().getHeader("Retry-After")).isNotNull();
    assertThat(new WebSession(mvc).get("/verify/ABCDEFGHJK23")).hasStatus(404);
  }
}
