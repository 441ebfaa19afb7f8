package org.cmis.membership.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestFirms;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The sync log pages: admin sees every batch and event, staff only those about members and firms of
 * their institute, firms and members are refused; events are searchable by id, number, code.
 */
@IntegrationTest
class SyncLogPagesTest {

  @Autowired MockMvcTester mvc;
  @Autowired Clock clock;
  @Autowired TestFirms firms;

  private WebSession signedIn(String type, String account, String password) {
    WebSession s = new WebSession(mvc);
    assertThat(s.signIn(type, account, password)).hasStatus3xxRedirection();
    return s;
  }

  /** The event id as a cell of the events table (the search form repeats what was typed). */
  private static String cell(String eventId) {
    return "<td class=\"small\">" + eventId + "</td>";
  }

  private static String html(MvcTestResult r) {
    assertThat(r).hasStatusOk();
    return SyncCalls.body(r);
  }

  @Test
  void staffSeeTheirInstitutesEventsAdminAllOthersNothing() {
    TestFirms.Firm sz = firms.aFirm().withCpas(1).withMemberAccounts().create();
    TestFirms.Firm bj = firms.aFirm().inInstitute("BJ").create();
    SyncCalls sync = new SyncCalls(mvc, clock);
    String szBad = SyncCalls.eventId();
    String bjBad = SyncCalls.eventId();
    String szGood = SyncCalls.eventId();
    MvcTestResult r =
        sync.post(
            SyncCalls.batch(
                SyncCalls.memberUpsert(szGood, 1, sz.firmNo() + "8001", sz.firmNo(), "13900080011"),
                SyncCalls.memberUpsert(szBad, 1, sz.firmNo() + "8002", sz.firmNo(), "123"),
                SyncCalls.memberUpsert(bjBad, 1, bj.firmNo() + "8003", bj.firmNo(), "456")));
    assertThat(r).hasStatusOk();

    WebSession szStaff = signedIn("STAFF", "sz-staff", "Demo@2026");
    assertThat(html(szStaff.get("/sync-log/events?eventId=" + szBad)))
        .contains(cell(szBad), "VALIDATION_FAILED", "data.mobile");
    assertThat(html(szStaff.get("/sync-log/events?eventId=" + bjBad)))
        .doesNotContain(cell(bjBad))
        .contains("无符合条件的事件");
    assertThat(
            html(
                szStaff.get(
                    "/sync-log/events?number=" + sz.firmNo() + "8002&code=VALIDATION_FAILED")))
        .contains(cell(szBad));
    assertThat(html(szStaff.get("/sync-log/events?eventId=" + szGood + "&outcome=ACCEPTED")))
        .contains(cell(szGood));
    assertThat(html(szStaff.get("/sync-log/events?eventId=" + szGood)))
        .doesNotContain(cell(szGood));
    assertThat(html(szStaff.get("/sync-log"))).contains("同步日志", "sync-batches");

    WebSession bjStaff = signedIn("STAFF", "bj-staff", "Demo@2026");
    assertThat(html(bjStaff.get("/sync-log/events?eventId=" + szBad))).doesNotContain(cell(szBad));
    assertThat(html(bjStaff.get("/sync-log/events?eventId=" + bjBad))).contains(cell(bjBad));
    assertThat(html(bjStaff.get("/sync-log/events?eventId=" + szGood + "&outcome=ALL")))
        .doesNotContain(cell(szGood));

    WebSession admin = signedIn("STAFF", "admin", "Demo@2026");
    assertThat(html(admin.get("/sync-log/events?eventId=" + szBad))).contains(cell(szBad));
    assertThat(html(admin.get("/sync-log/events?eventId=" + bjBad))).contains(cell(bjBad));
    assertThat(html(admin.get("/sync-log"))).contains("sync-batches");

    WebSession firm = signedIn("FIRM", sz.account(), TestFirms.PASSWORD);
    assertThat(firm.get("/sync-log")).hasStatus(403);
    assertThat(firm.get("/sync-log/events")).hasStatus(403);
    WebSession member = signedIn("MEMBER", sz.memberNo(1), TestFirms.PASSWORD);
    assertThat(member.get("/sync-log")).hasStatus(403);
    assertThat(html(member.get("/"))).doesNotContain("/sync-log");
  }
}
