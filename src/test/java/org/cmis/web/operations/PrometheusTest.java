package org.cmis.web.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestClasses;
import org.cmis.support.TestFirms;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** /actuator/prometheus for administrators, with the system's own meters (F7, ADR 0033). */
@IntegrationTest
class PrometheusTest {

  @Autowired MockMvcTester mvc;
  @Autowired TestFirms firms;
  @Autowired TestClasses classes;

  @Test
  void refusedWithoutAnAdministrator() {
    assertThat(mvc.get().uri("/actuator/prometheus")).hasStatus3xxRedirection();
    WebSession staff = new WebSession(mvc);
    staff.signIn("STAFF", "sz-staff", "Demo@2026");
    assertThat(staff.get("/actuator/prometheus")).hasStatus(403);
  }

  @Test
  void anAdministratorSeesTheStandardAndTheSystemsOwnMeters() {
    TestFirms.Firm firm = firms.aFirm().withCpas(1).withMemberAccounts().create();
    long classId = classes.open(10, 10, true, false).id();
    String token = ApiTokens.of(mvc, "MEMBER", firm.memberNo(1), TestFirms.PASSWORD);
    for (int i = 0; i < 2; i++) {
      mvc.post()
          .uri("/api/v1/classes/" + classId + "/registrations")
          .header("Authorization", "Bearer " + token)
          .contentType(MediaType.APPLICATION_JSON)
          .content("{}")
          .exchange();
    }
    mvc.post()
        .uri("/api/v1/auth/token")
        .contentType(MediaType.APPLICATION_JSON)
        .content(
            "{\"userType\":\"MEMBER\",\"account\":\""
                + firm.memberNo(1)
                + "\",\"password\":\"wrong-1\"}")
        .exchange();

    WebSession admin = new WebSession(mvc);
    admin.signIn("STAFF", "admin", "Demo@2026");
    var scrape = admin.get("/actuator/prometheus");
    assertThat(scrape).hasStatusOk();
    assertThat(scrape)
        .bodyText()
        .contains(
            "jvm_memory_used_bytes",
            "http_server_requests_seconds",
            "hikaricp_connections",
            "cmis_registrations_total{outcome=\"REGISTERED\"}",
            "cmis_registrations_total{outcome=\"ALREADY_REGISTERED\"}",
            "cmis_signin_failures_total{reason=\"BAD_CREDENTIALS\"}",
            "cmis_notification_backlog",
            "cmis_busy_answers_total",
            "cmis_lock_waits_total",
            "cmis_signin_locks_total");
  }
}
