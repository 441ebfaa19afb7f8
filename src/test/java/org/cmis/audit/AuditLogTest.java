package org.cmis.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cmis.identity.account.Account;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Sign-ins, failures, locks and password changes are in the append-only audit log (F6.2). */
@IntegrationTest
class AuditLogTest {

  @Autowired MockMvcTester mvc;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;

  private long count(String actor, String action) {
    return jdbc.sql("select count(*) from audit_entry where actor = :actor and action = :action")
        .param("actor", actor)
        .param("action", action)
        .query(Long.class)
        .single();
  }

  @Test
  void signInEventsAreRecordedWithTheClientAddress() {
    Account account = accounts.staff(false);
    WebSession web = new WebSession(mvc);
    for (int i = 0; i < 5; i++) {
      web.signIn("STAFF", account.account(), "Wrong#pass1");
    }
    web.signIn("STAFF", account.account(), TestAccounts.PASSWORD);
    assertThat(count(account.account(), "SIGN_IN_FAILED")).isEqualTo(5);
    assertThat(count(account.account(), "ACCOUNT_LOCKED")).isEqualTo(1);
    assertThat(count(account.account(), "SIGN_IN_LOCKED")).isEqualTo(1);
    String address =
        jdbc.sql("select client_address from audit_entry where actor = :a limit 1")
            .param("a", account.account())
            .query(String.class)
            .single();
    assertThat(address).isEqualTo(web.address());
  }

  @Test
  void administratorsSearchTheLogAndOthersMayNot() {
    Account account = accounts.staff(false);
    WebSession staff = new WebSession(mvc);
    staff.signIn("STAFF", account.account(), TestAccounts.PASSWORD);
    assertThat(count(account.account(), "SIGN_IN")).isEqualTo(1);
    assertThat(staff.get("/admin/audit")).hasStatus(403);

    WebSession admin = new WebSession(mvc);
    admin.signIn("STAFF", "admin", "Demo@2026");
    assertThat(admin.get("/admin/audit?actor=" + account.account()))
        .hasStatusOk()
        .bodyText()
        .contains("SIGN_IN", account.account());
    assertThat(admin.get("/admin/audit?actor=nobody-at-all")).bodyText().contains("没有符合条件的记录");
    assertThat(admin.get("/admin/audit?from=2026-02-30"))
        .hasStatusOk()
        .bodyText()
        .contains("“2026-02-30”不是有效日期");
    assertThat(admin.get("/admin/audit?page=0")).hasStatus(400);
  }

  @Test
  void theLogIsAppendOnly() {
    assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor = 'x'").update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("delete from audit_entry").update())
        .hasMessageContaining("append-only");
  }
}
