package org.cmis.identity.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.cmis.identity.account.Account;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** With no mail server configured, the reset link is kept in the message centre. */
@IntegrationTest
class ResetWithoutMailServerTest {

  @Autowired MockMvcTester mvc;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;

  @Test
  void theLinkGoesToTheMessageCentre() {
    Account account = accounts.staff(false);
    new WebSession(mvc)
        .post(
            "/password/forgot",
            "userType",
            "STAFF",
            "account",
            account.account(),
            "contact",
            account.mobile());
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql("select body from message where account_id = :id")
                            .param("id", account.id())
                            .query(String.class)
                            .list())
                    .singleElement()
                    .asString()
                    .contains("/password/reset?token="));
    String stored =
        jdbc.sql("select count(*) from password_reset_token where account_id = :id")
            .param("id", account.id())
            .query(Long.class)
            .single()
            .toString();
    assertThat(stored).isEqualTo("1");
  }
}
