package org.cmis.identity.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmis.identity.account.Account;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * With no mail server configured, the reset link is kept in the message centre, and in no stored
 * event.
 */
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
    String body =
        jdbc.sql("select body from message where account_id = :id")
            .param("id", account.id())
            .query(String.class)
            .single();
    Matcher link = Pattern.compile("/password/reset\\?token=([A-Za-z0-9_-]+)").matcher(body);
    assertThat(link.find()).isTrue();
    assertThat(
            jdbc.sql(
                    "select count(*) from event_publication"
                        + " where position(:token in serialized_event) > 0")
                .param("token", link.group(1))
                .query(Long.class)
                .single())
        .isZero();
    String stored =
        jdbc.sql("select count(*) from password_reset_token where account_id = :id")
            .param("id", account.id())
            .query(Long.class)
            .single()
            .toString();
    assertThat(stored).isEqualTo("1");
  }
}
