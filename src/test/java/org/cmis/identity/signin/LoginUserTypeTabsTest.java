package org.cmis.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmis.identity.account.Account;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The sign-in page's user type as three tabs, one Tab stop each, that work without JavaScript (ADR
 * 0038): each tab is a link the server renders selected, and the form's hidden userType follows.
 */
@IntegrationTest
class LoginUserTypeTabsTest {

  @Autowired MockMvcTester mvc;
  @Autowired TestAccounts accounts;

  private static String body(MvcTestResult result) throws Exception {
    return result.getResponse().getContentAsString();
  }

  private static String tab(String body, String type) {
    Matcher m = Pattern.compile("<a[^>]*data-type=\"" + type + "\"[^>]*>").matcher(body);
    assertThat(m.find()).as("tab " + type).isTrue();
    return m.group();
  }

  private static String hiddenType(String body) {
    Matcher m = Pattern.compile("<input[^>]*data-user-type[^>]*>").matcher(body);
    assertThat(m.find()).isTrue();
    Matcher v = Pattern.compile("value=\"([A-Z]*)\"").matcher(m.group());
    assertThat(v.find()).isTrue();
    return v.group(1);
  }

  @Test
  void threeTabsWithTheFirmSelectedByDefaultAndNoRadios() throws Exception {
    String body = body(new WebSession(mvc).get("/login"));

    assertThat(body).contains("role=\"tablist\"").doesNotContain("type=\"radio\"");
    assertThat(tab(body, "FIRM"))
        .contains("role=\"tab\"", "aria-selected=\"true\"", "href=\"/login?userType=FIRM\"");
    assertThat(tab(body, "MEMBER")).contains("aria-selected=\"false\"");
    assertThat(tab(body, "STAFF")).contains("aria-selected=\"false\"");
    assertThat(hiddenType(body)).isEqualTo("FIRM");
  }

  @Test
  void aTabsLinkRendersItsTypeSelected() throws Exception {
    String body = body(new WebSession(mvc).get("/login?userType=MEMBER"));

    assertThat(tab(body, "MEMBER")).contains("aria-selected=\"true\"");
    assertThat(tab(body, "FIRM")).contains("aria-selected=\"false\"");
    assertThat(hiddenType(body)).isEqualTo("MEMBER");
  }

  @Test
  void anUnknownTypeInTheLinkLeavesTheDefaultRatherThanAnError() throws Exception {
    MvcTestResult page = new WebSession(mvc).get("/login?userType=KING");

    assertThat(page).hasStatusOk().hasViewName(LoginController.VIEW);
    assertThat(hiddenType(body(page))).isEqualTo("FIRM");
  }

  @Test
  void theTabsKeepThePageToComeBackTo() throws Exception {
    String body = body(new WebSession(mvc).get("/login?continue=/classes"));

    assertThat(tab(body, "STAFF")).contains("href=\"/login?userType=STAFF&amp;continue=/classes\"");
  }

  @Test
  void aFailedSignInRemembersTheChosenType() throws Exception {
    Account staff = accounts.staff(false);
    MvcTestResult result =
        new WebSession(mvc)
            .post("/login", "userType", "STAFF", "account", staff.account(), "password", "Wrong@1");

    assertThat(result).hasStatusOk().hasViewName(LoginController.VIEW);
    String body = body(result);
    assertThat(body).contains("账号或密码错误");
    assertThat(tab(body, "STAFF")).contains("aria-selected=\"true\"");
    assertThat(hiddenType(body)).isEqualTo("STAFF");
  }

  @Test
  void theChosenTypeSignsIn() throws Exception {
    Account staff = accounts.staff(false);
    MvcTestResult result =
        new WebSession(mvc)
            .post(
                "/login",
                "userType",
                "STAFF",
                "account",
                staff.account(),
                "password",
                TestAccounts.PASSWORD);

    assertThat(result).hasStatus3xxRedirection();
  }
}
