package org.cmis.identity.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.cmis.identity.account.Account;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Changing a password, and the forced change after a reset (F1.2, F1.4). */
@IntegrationTest
class PasswordPagesTest {

  @Autowired MockMvcTester mvc;
  @Autowired TestAccounts accounts;

  @Test
  void anAccountThatMustChangeItsPasswordIsSentToTheChangePageFirst() {
    Account account = accounts.staff(true);
    WebSession web = new WebSession(mvc);
    assertThat(web.signIn("STAFF", account.account(), TestAccounts.PASSWORD))
        .hasStatus3xxRedirection()
        .hasRedirectedUrl("/password/change");
    assertThat(web.get("/")).hasStatus3xxRedirection().hasRedirectedUrl("/password/change");
    assertThat(web.get("/messages")).hasStatus3xxRedirection();
    assertThat(web.get("/password/change")).hasStatusOk().bodyText().contains("请先修改密码");

    assertThat(
            web.post(
                "/password/change",
                "currentPassword",
                TestAccounts.PASSWORD,
                "newPassword",
                "Brand#New2026",
                "confirmPassword",
                "Brand#New2026"))
        .hasStatus3xxRedirection()
        .hasRedirectedUrl("/");
    assertThat(web.get("/")).hasStatusOk();

    WebSession again = new WebSession(mvc);
    assertThat(again.signIn("STAFF", account.account(), "Brand#New2026")).hasRedirectedUrl("/");
  }

  @Test
  void theNewPasswordMustFollowThePolicyAndMatchItsConfirmation() {
    Account account = accounts.staff(false);
    WebSession web = new WebSession(mvc);
    web.signIn("STAFF", account.account(), TestAccounts.PASSWORD);

    MvcTestResult weak =
        web.post(
            "/password/change",
            "currentPassword",
            TestAccounts.PASSWORD,
            "newPassword",
            "password",
            "confirmPassword",
            "password");
    assertThat(weak)
        .hasStatusOk()
        .model()
        .extractingBindingResult("form")
        .hasFieldErrors("newPassword");
    assertThat(weak).bodyText().contains("至少 3 类");

    MvcTestResult containsAccount =
        web.post(
            "/password/change",
            "currentPassword",
            TestAccounts.PASSWORD,
            "newPassword",
            "Xy1!" + account.account(),
            "confirmPassword",
            "Xy1!" + account.account());
    assertThat(containsAccount).bodyText().contains("不能包含账号");

    MvcTestResult mismatch =
        web.post(
            "/password/change",
            "currentPassword",
            TestAccounts.PASSWORD,
            "newPassword",
            "Good#Pass2026",
            "confirmPassword",
            "Good#Pass2027");
    assertThat(mismatch).model().extractingBindingResult("form").hasFieldErrors("confirmPassword");

    MvcTestResult wrongCurrent =
        web.post(
            "/password/change",
            "currentPassword",
            "Nope#2026x",
            "newPassword",
            "Good#Pass2026",
            "confirmPassword",
            "Good#Pass2026");
    assertThat(wrongCurrent)
        .model()
        .extractingBindingResult("form")
        .hasFieldErrors("currentPassword");

    // Nothing changed: the old password still signs in.
    assertThat(new WebSession(mvc).signIn("STAFF", account.account(), TestAccounts.PASSWORD))
        .hasRedirectedUrl("/");
  }

  @Test
  void pagesNeedASignInAndFormsNeedACsrfToken() {
    assertThat(mvc.get().uri("/")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
    assertThat(mvc.post().uri("/password/change").param("currentPassword", "x")).hasStatus(403);
  }
}
