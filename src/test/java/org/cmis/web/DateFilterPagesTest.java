package org.cmis.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.cmis.support.IntegrationTest;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The date filters of the list pages (ADR 0038): grouped ranges of one-tab-stop text fields; a bad
 * date is our red message under the field with the text kept, never a 400 or 500.
 */
@IntegrationTest
class DateFilterPagesTest {

  private static final String DEMO_PASSWORD = "Demo@2026";

  @Autowired MockMvcTester mvc;

  private WebSession as(String type, String account) {
    WebSession web = new WebSession(mvc);
    assertThat(web.signIn(type, account, DEMO_PASSWORD)).hasStatus3xxRedirection();
    return web;
  }

  private static String body(MvcTestResult result) throws Exception {
    assertThat(result).hasStatusOk();
    return result.getResponse().getContentAsString();
  }

  @ParameterizedTest(name = "{2}: grouped ranges, no type=date")
  @CsvSource({
    "MEMBER, 440300010001, /classes, registrationStartFrom, 报名日期",
    "STAFF,  sz-staff,     /classes, trainingEndTo,         培训日期",
    "STAFF,  admin,        /admin/audit, from,              日期",
    "STAFF,  sz-staff,     /manage/claims, to,              日期"
  })
  void theFilterDatesAreOneTabStopTextFieldsInALegendedRange(
      String type, String account, String path, String field, String legend) throws Exception {
    String page = body(as(type, account).get(path));

    assertThat(page).doesNotContain("type=\"date\"");
    assertThat(page).contains("<fieldset class=\"date-range\"", "<legend>" + legend + "</legend>");
    assertThat(page)
        .containsPattern(
            "<input type=\"text\" id=\"date-"
                + field
                + "\" name=\""
                + field
                + "\"[^>]*inputmode=\"numeric\"[^>]*placeholder=\"yyyy-MM-dd\"");
  }

  @ParameterizedTest(name = "{2}?{3}=2026-02-30 is our message")
  @CsvSource({
    "MEMBER, 440300010001, /classes, registrationStartFrom",
    "MEMBER, 440300010001, /classes, trainingEndTo",
    "STAFF,  admin,        /admin/audit, from",
    "STAFF,  sz-staff,     /manage/claims, to"
  })
  void aBadDateIsMarkedUnderItsFieldWithTheTextKept(
      String type, String account, String path, String field) throws Exception {
    String page = body(as(type, account).get(path + "?" + field + "=2026-02-30"));

    assertThat(page)
        .contains("data-test=\"date-error-" + field + "\"")
        .contains("“2026-02-30”不是有效日期，请按 yyyy-MM-dd 输入，例如 2026-03-01")
        .containsPattern("name=\"" + field + "\" value=\"2026-02-30\"[^>]*aria-invalid=\"true\"")
        .contains("aria-describedby=\"date-error-" + field + "\"");
  }

  @Test
  void wordsInsteadOfADateAreMarkedToo() throws Exception {
    String page = body(as("MEMBER", "440300010001").get("/classes?trainingStartFrom=yesterday"));

    assertThat(page).contains("“yesterday”不是有效日期").contains("data-class-id=");
  }

  @Test
  void anEndBeforeTheStartIsMarkedOnTheEnd() throws Exception {
    String page =
        body(
            as("MEMBER", "440300010001")
                .get("/classes?registrationStartFrom=2026-05-01&registrationEndTo=2026-04-01"));

    assertThat(page)
        .contains("data-test=\"date-error-registrationEndTo\"")
        .contains("结束日期不能早于开始日期")
        .doesNotContain("data-test=\"date-error-registrationStartFrom\"");
  }

  @Test
  void aGoodDateIsKeptWithoutAMessage() throws Exception {
    String page = body(as("STAFF", "admin").get("/admin/audit?from=2026-01-01&to=2026-12-31"));

    assertThat(page)
        .contains("value=\"2026-01-01\"", "value=\"2026-12-31\"")
        .doesNotContain("date-error-");
  }
}
