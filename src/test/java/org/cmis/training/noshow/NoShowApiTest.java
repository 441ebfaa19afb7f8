package org.cmis.training.noshow;

import static org.assertj.core.api.Assertions.assertThat;

import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestFirms;
import org.cmis.training.noshow.PastClasses.TrainingClassRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** {@code GET /api/v1/no-shows}: scope as the registrations list, refusals per API.md. */
@IntegrationTest
class NoShowApiTest {

  @Autowired MockMvcTester mvc;
  @Autowired PastClasses past;
  @Autowired TestFirms firms;

  private TestFirms.Firm firm;
  private TrainingClassRow ended;
  private long noShow;

  @BeforeEach
  void aNoShow() {
    firm = firms.aFirm().withCpas(3).withMemberAccounts().create();
    ended = past.ended("SZ", 2, "接口未到测试班");
    noShow = past.register(ended, firm, 1, "CONFIRMED", "ABSENT", false);
    past.register(ended, firm, 2, "CONFIRMED", "ATTENDED", false);
  }

  private MvcTestResult get(String token, String uri) {
    return mvc.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
  }

  @Test
  void staffOfTheOrganiserSeeTheRows() {
    String staff = ApiTokens.demo(mvc, "STAFF", "sz-staff");
    MvcTestResult page = get(staff, "/api/v1/no-shows?firmNo=" + firm.firmNo() + "&size=5");
    assertThat(page).hasStatusOk();
    assertThat(page).bodyJson().extractingPath("$.total").isEqualTo(1);
    assertThat(page).bodyJson().extractingPath("$.page").isEqualTo(1);
    assertThat(page).bodyJson().extractingPath("$.size").isEqualTo(5);
    assertThat(page).bodyJson().extractingPath("$.items[0].registrationId").isEqualTo((int) noShow);
    assertThat(page).bodyJson().extractingPath("$.items[0].memberNo").isEqualTo(firm.memberNo(1));
    assertThat(page).bodyJson().extractingPath("$.items[0].firmName").isEqualTo(firm.name());
    assertThat(page).bodyJson().extractingPath("$.items[0].className").isEqualTo(ended.name());
    assertThat(page)
        .bodyJson()
        .extractingPath("$.items[0].trainingEnd")
        .isEqualTo(ended.end().toString());
    String from = ended.end().toString();
    assertThat(
            get(staff, "/api/v1/no-shows?classId=" + ended.id() + "&from=" + from + "&to=" + from))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(1);
  }

  @Test
  void firmMemberAndOtherInstituteAreScoped() {
    String own = ApiTokens.of(mvc, "FIRM", firm.firmNo(), TestFirms.PASSWORD);
    assertThat(get(own, "/api/v1/no-shows")).bodyJson().extractingPath("$.total").isEqualTo(1);
    TestFirms.Firm other = firms.aFirm().create();
    String stranger = ApiTokens.of(mvc, "FIRM", other.firmNo(), TestFirms.PASSWORD);
    assertThat(get(stranger, "/api/v1/no-shows?classId=" + ended.id()))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(0);
    MvcTestResult foreign = get(stranger, "/api/v1/no-shows?firmNo=" + firm.firmNo());
    assertThat(foreign).hasStatus(403);
    assertThat(foreign).bodyJson().extractingPath("$.code").isEqualTo("FORBIDDEN");
    String bj = ApiTokens.demo(mvc, "STAFF", "bj-staff");
    assertThat(get(bj, "/api/v1/no-shows?classId=" + ended.id()))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(0);
    assertThat(get(bj, "/api/v1/no-shows?firmNo=" + firm.firmNo())).hasStatus(403);
    String member = ApiTokens.of(mvc, "MEMBER", firm.memberNo(1), TestFirms.PASSWORD);
    assertThat(get(member, "/api/v1/no-shows")).bodyJson().extractingPath("$.total").isEqualTo(1);
    String attended = ApiTokens.of(mvc, "MEMBER", firm.memberNo(2), TestFirms.PASSWORD);
    assertThat(get(attended, "/api/v1/no-shows")).bodyJson().extractingPath("$.total").isEqualTo(0);
    String admin = ApiTokens.demo(mvc, "STAFF", "admin");
    assertThat(get(admin, "/api/v1/no-shows?firmNo=" + firm.firmNo()))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(1);
  }

  @Test
  void badInputIsRefusedWithTheCodesOfApiMd() {
    String staff = ApiTokens.demo(mvc, "STAFF", "sz-staff");
    MvcTestResult impossible = get(staff, "/api/v1/no-shows?from=2026-02-30");
    assertThat(impossible).hasStatus(400);
    assertThat(impossible).bodyJson().extractingPath("$.code").isEqualTo("MALFORMED_REQUEST");
    assertThat(impossible).bodyJson().extractingPath("$.errors[0].field").isEqualTo("from");
    MvcTestResult reversed = get(staff, "/api/v1/no-shows?from=2026-05-02&to=2026-05-01");
    assertThat(reversed).hasStatus(422);
    assertThat(reversed).bodyJson().extractingPath("$.code").isEqualTo("VALIDATION_FAILED");
    assertThat(reversed).bodyJson().extractingPath("$.errors[0].field").isEqualTo("to");
    assertThat(get(staff, "/api/v1/no-shows?page=0")).hasStatus(400);
    assertThat(get(staff, "/api/v1/no-shows?size=101")).hasStatus(400);
    assertThat(get(staff, "/api/v1/no-shows?page=abc")).hasStatus(400);
    assertThat(get(staff, "/api/v1/no-shows?classId=abc")).hasStatus(400);
    assertThat(mvc.get().uri("/api/v1/no-shows").exchange()).hasStatus(401);
  }

  @Test
  void theEndpointIsInTheOpenApiDocument() {
    assertThat(mvc.get().uri("/v3/api-docs").exchange())
        .bodyText()
        .contains("/api/v1/no-shows", "NoShowView");
  }
}
