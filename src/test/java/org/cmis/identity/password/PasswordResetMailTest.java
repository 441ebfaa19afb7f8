package org.cmis.identity.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmis.identity.PasswordResetRequested;
import org.cmis.identity.account.Account;
import org.cmis.identity.token.ApiTokenService;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Forgot password by a single-use emailed link, through SMTP (F1.2). Completed event publications
 * are kept here (not deleted) so that the test can read what the registry stored.
 */
@IntegrationTest
@TestPropertySource(
    properties = {
      "spring.mail.host=127.0.0.1",
      "spring.mail.port=3025",
      "spring.modulith.events.completion-mode=update"
    })
@Import(PasswordResetMailTest.ResetRequests.class)
class PasswordResetMailTest {

  /** A listener of the reset event, so that the registry stores it as it would for any listener. */
  static class ResetRequests {
    private final List<PasswordResetRequested> seen = new CopyOnWriteArrayList<>();

    // A method, not the field: the bean is a proxy (the listener runs asynchronously).
    List<PasswordResetRequested> seen() {
      return seen;
    }

    @ApplicationModuleListener
    void on(PasswordResetRequested event) {
      seen.add(event);
    }
  }

  @RegisterExtension static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired MockMvcTester mvc;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired ResetRequests requests;

  private String requestLink(Account account) throws Exception {
    int before = mail.getReceivedMessages().length;
    new WebSession(mvc)
        .post(
            "/password/forgot",
            "userType",
            "STAFF",
            "account",
            account.account(),
            "contact",
            account.email());
    await().atMost(Duration.ofSeconds(10)).until(() -> mail.getReceivedMessages().length > before);
    MimeMessage message = mail.getReceivedMessages()[mail.getReceivedMessages().length - 1];
    assertThat(message.getAllRecipients()[0].toString()).isEqualTo(account.email());
    Matcher link =
        Pattern.compile("/password/reset\\?token=([A-Za-z0-9_-]+)")
            .matcher((String) message.getContent());
    assertThat(link.find()).isTrue();
    return link.group(1);
  }

  @Test
  void theLinkResetsThePasswordOnceAndEndsEverySession() throws Exception {
    Account account = accounts.staff(false);
    WebSession signedIn = new WebSession(mvc);
    signedIn.signIn("STAFF", account.account(), TestAccounts.PASSWORD);
    assertThat(signedIn.get("/")).hasStatusOk();

    String token = requestLink(account);
    WebSession web = new WebSession(mvc);
    assertThat(web.get("/password/reset?token=" + token)).hasStatusOk().bodyText().contains("重置密码");
    assertThat(
            web.post(
                "/password/reset",
                "token",
                token,
                "newPassword",
                "short",
                "confirmPassword",
                "short"))
        .hasStatusOk()
        .model()
        .extractingBindingResult("form")
        .hasFieldErrors("newPassword");
    assertThat(
            web.post(
                "/password/reset",
                "token",
                token,
                "newPassword",
                "Reset#Pass2026",
                "confirmPassword",
                "Reset#Pass2026"))
        .hasStatus3xxRedirection()
        .hasRedirectedUrl("/login");

    assertThat(signedIn.get("/")).as("the old session has ended").hasStatus3xxRedirection();
    assertThat(new WebSession(mvc).signIn("STAFF", account.account(), "Reset#Pass2026"))
        .hasRedirectedUrl("/");
    assertThat(new WebSession(mvc).get("/password/reset?token=" + token))
        .bodyText()
        .contains("重置链接无效");
    assertThat(
            new WebSession(mvc)
                .post(
                    "/password/reset",
                    "token",
                    token,
                    "newPassword",
                    "Again#Pass2026",
                    "confirmPassword",
                    "Again#Pass2026"))
        .hasStatusOk()
        .bodyText()
        .contains("重置链接无效");
  }

  @Test
  void theSecretIsKeptNowhereButInTheMail() throws Exception {
    Account account = accounts.staff(false);
    String token = requestLink(account);
    long tokenId =
        jdbc.sql("select id from password_reset_token where token_hash = :hash")
            .param("hash", ApiTokenService.hash(token))
            .query(Long.class)
            .single();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> requests.seen().contains(new PasswordResetRequested(account.id(), tokenId)));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql(
                                "select serialized_event from event_publication"
                                    + " where event_type = :type and completion_date is not null")
                            .param("type", PasswordResetRequested.class.getName())
                            .query(String.class)
                            .list())
                    .as("the registry stored the event, naming the account and the token")
                    .anySatisfy(
                        e ->
                            assertThat(e)
                                .contains("\"accountId\":" + account.id())
                                .contains("\"tokenId\":" + tokenId)));
    assertThat(
            jdbc.sql(
                    "select count(*) from (select serialized_event from event_publication"
                        + " union all select serialized_event from event_publication_archive) e"
                        + " where position(:token in e.serialized_event) > 0")
                .param("token", token)
                .query(Long.class)
                .single())
        .as("no stored event holds the secret")
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from message where position(:token in body) > 0")
                .param("token", token)
                .query(Long.class)
                .single())
        .as("with a mail server the link is not kept in the message centre either")
        .isZero();
  }

  @Test
  void aWrongContactOrUnknownAccountSendsNothingAndSaysTheSame() throws Exception {
    Account account = accounts.staff(false);
    int before = mail.getReceivedMessages().length;
    var wrongContact =
        new WebSession(mvc)
            .post(
                "/password/forgot",
                "userType",
                "STAFF",
                "account",
                account.account(),
                "contact",
                "x@example.org");
    var unknown =
        new WebSession(mvc)
            .post(
                "/password/forgot",
                "userType",
                "STAFF",
                "account",
                "nobody-here",
                "contact",
                "x@example.org");
    assertThat(wrongContact).hasStatusOk().bodyText().contains("如果账号与联系方式匹配");
    assertThat(unknown).hasStatusOk().bodyText().contains("如果账号与联系方式匹配");
    requestLink(account);
    assertThat(mail.getReceivedMessages().length).isEqualTo(before + 1);
  }
}
