package org.cmis.training.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestClasses;
import org.cmis.training.catalog.ClassService;
import org.cmis.training.catalog.TrainingClass;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Training's messages link to what they are about (ADR 0035): the member's to the class page (its
 * 报名详情), the firm's to the registration's receipt, a class change to the class.
 */
@IntegrationTest
class RegistrationMessageLinksTest {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final int FIRM = 13;

  @Autowired TestClasses testClasses;
  @Autowired ClassService classes;
  @Autowired RegistrationService registrations;
  @Autowired JdbcClient jdbc;

  private Optional<String> link(String loginType, String key) {
    return jdbc.sql(
            "select coalesce(m.link, '') from message m join account a on a.id = m.account_id"
                + " where a.login_type = :type and m.source_key = :key")
        .param("type", loginType)
        .param("key", key)
        .query(String.class)
        .optional();
  }

  @Test
  void theMemberIsSentToTheClassAndTheFirmToTheReceipt() {
    TrainingClass c = testClasses.open(10, 20, false, false);
    Registration r =
        registrations.registerSelf(TestClasses.member(FIRM, 46), c.id(), null, null, false);
    String key = "registration:" + r.id() + ":PENDING";
    await().atMost(WAIT).until(() -> link("MEMBER", key).isPresent());
    await().atMost(WAIT).until(() -> link("FIRM", key).isPresent());
    assertThat(link("MEMBER", key)).contains("/classes/" + c.id());
    assertThat(link("FIRM", key)).contains("/registrations/" + r.id() + "/receipt");

    classes.cancel(TestClasses.SZ_STAFF, c.id(), "场地调整");
    String cancelled = "class:" + c.id() + ":cancelled";
    await().atMost(WAIT).until(() -> link("MEMBER", cancelled).isPresent());
    assertThat(link("MEMBER", cancelled)).contains("/classes/" + c.id());
  }
}
