package org.cmis.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The training class endpoints of API.md, end to end on PostgreSQL. */
@IntegrationTest
class ClassApiTest {

  @Autowired MockMvcTester mvc;
  @Autowired java.time.Clock clock;

  ApiCalls sz;
  ApiCalls bj;
  ApiCalls member;
  ApiCalls firm;
  ApiCalls admin;
  LocalDate today;

  @BeforeEach
  void callers() {
    sz = new ApiCalls(mvc, ApiTokens.demo(mvc, "STAFF", "sz-staff"));
    bj = new ApiCalls(mvc, ApiTokens.demo(mvc, "STAFF", "bj-staff"));
    member = new ApiCalls(mvc, ApiTokens.demo(mvc, "MEMBER", "440300150001"));
    firm = new ApiCalls(mvc, ApiTokens.demo(mvc, "FIRM", "44030015"));
    admin = new ApiCalls(mvc, ApiTokens.demo(mvc, "ADMIN", "admin"));
    today = LocalDate.now(clock);
  }

  private String body(String name, int capacity, int max, boolean published, String extra) {
    return """
        {"name": "%s", "audiences": ["PRACTISING_CPA"],
         "registrationStart": "%s", "registrationEnd": "%s",
         "trainingStart": "%s", "trainingEnd": "%s",
         "hours": 8, "capacity": %d, "maxRegistrations": %d, "published": %s %s}
        """
        .formatted(
            name,
            today.minusDays(1),
            today.plusDays(3),
            today.plusDays(7),
            today.plusDays(8),
            capacity,
            max,
            published,
            extra);
  }

  private long create(String json) {
    MvcTestResult created = sz.post("/api/v1/classes", json);
    assertThat(created).hasStatus(201);
    return ((Number) ApiCalls.read(created, "$.id")).longValue();
  }

  @Test
  void staffCreateAClassWithDefaultsAndALocation() {
    MvcTestResult created = sz.post("/api/v1/classes", body("财务报表审计实务", 100, 120, true, ""));
    assertThat(created).hasStatus(201).headers().containsHeader("Location");
    assertThat(created).bodyJson().extractingPath("$.institute.code").isEqualTo("SZ");
    assertThat(created)
        .bodyJson()
        .extractingPath("$.code")
        .asString()
        .startsWith("SZ-" + today.plusDays(7).getYear() + "-");
    assertThat(created).bodyJson().extractingPath("$.status").isEqualTo("OPEN");
    assertThat(created).bodyJson().extractingPath("$.mode").isEqualTo("ON_SITE");
    assertThat(created).bodyJson().extractingPath("$.confirmationMode").isEqualTo("MANUAL");
    assertThat(created)
        .bodyJson()
        .extractingPath("$.cancellationDeadline")
        .isEqualTo(today.plusDays(6).toString());
    assertThat(created).bodyJson().extractingPath("$.myRegistration").isNull();
    long id = ((Number) ApiCalls.read(created, "$.id")).longValue();
    assertThat(member.get("/api/v1/classes/" + id))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.registeredCount")
        .isEqualTo(0);
  }

  @Test
  void onlyStaffCreateAndOnlyTheOrganiserChanges() {
    assertThat(member.post("/api/v1/classes", body("x", 1, 1, true, "")))
        .hasStatus(403)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("FORBIDDEN");
    assertThat(firm.post("/api/v1/classes", body("x", 1, 1, true, ""))).hasStatus(403);
    long id = create(body("只归深圳", 10, 10, true, ""));
    assertThat(bj.patch("/api/v1/classes/" + id, "{\"name\": \"改名\"}")).hasStatus(403);
    assertThat(bj.post("/api/v1/classes/" + id + "/cancel", "{\"reason\": \"x\"}")).hasStatus(403);
    assertThat(sz.patch("/api/v1/classes/" + id, "{\"name\": \"改名了\"}"))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.name")
        .isEqualTo("改名了");
  }

  @Test
  void aPublishedClassCannotGoBackToDraft() {
    long id = create(body("已发布", 10, 10, true, ""));
    assertThat(sz.patch("/api/v1/classes/" + id, "{\"published\": false}"))
        .hasStatus(422)
        .bodyJson()
        .extractingPath("$.errors[0].field")
        .isEqualTo("published");
    assertThat(member.get("/api/v1/classes/" + id)).hasStatusOk();
  }

  @Test
  void draftsAreHiddenFromMembersFirmsAndOtherInstitutes() {
    long id = create(body("草稿班", 10, 10, false, ""));
    assertThat(sz.get("/api/v1/classes/" + id))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.status")
        .isEqualTo("DRAFT");
    assertThat(admin.get("/api/v1/classes/" + id)).hasStatusOk();
    assertThat(member.get("/api/v1/classes/" + id))
        .hasStatus(404)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("NOT_FOUND");
    assertThat(firm.get("/api/v1/classes/" + id)).hasStatus(404);
    assertThat(bj.get("/api/v1/classes/" + id)).hasStatus(404);
    assertThat(member.get("/api/v1/classes?name=草稿班&size=100"))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(0);
    assertThat(member.get("/api/v1/classes/999999999")).hasStatus(404);
  }

  @Test
  void rulesAreCheckedFieldByField() {
    MvcTestResult missing = sz.post("/api/v1/classes", "{}");
    assertThat(missing)
        .hasStatus(422)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("VALIDATION_FAILED");
    assertThat(missing)
        .bodyJson()
        .extractingPath("$.errors[*].field")
        .asArray()
        .contains(
            "name",
            "audiences",
            "registrationStart",
            "registrationEnd",
            "trainingStart",
            "trainingEnd",
            "hours",
            "capacity",
            "maxRegistrations");
    String bad =
        """
        {"name": "x", "audiences": ["NOBODY"], "registrationStart": "2026-02-30",
         "registrationEnd": "%s", "trainingStart": "%s", "trainingEnd": "%s",
         "hours": 0.3, "ethicsHours": 1, "capacity": 10, "maxRegistrations": 5, "mode": "TELEPATHY",
         "external": true, "code": "bad code!", "year": 1999}
        """
            .formatted(today.plusDays(9), today.plusDays(5), today.plusDays(4));
    assertThat(sz.post("/api/v1/classes", bad))
        .hasStatus(422)
        .bodyJson()
        .extractingPath("$.errors[*].field")
        .asArray()
        .contains(
            "audiences",
            "registrationStart",
            "hours",
            "maxRegistrations",
            "mode",
            "externalUrl",
            "code",
            "trainingEnd",
            "registrationEnd");
    assertThat(sz.post("/api/v1/classes", "{\"name\": \"x\", \"capacity\": \"many\"}"))
        .hasStatus(400)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("MALFORMED_REQUEST");
    assertThat(sz.post("/api/v1/classes", "not json")).hasStatus(400);
    assertThat(sz.post("/api/v1/classes", body("n".repeat(201), 1, 1, true, ""))).hasStatus(422);
    long id =
        create(
            body("唯一编号", 1, 1, true, ", \"code\": \"SZ-UNIQ-" + System.nanoTime() % 100000 + "\""));
    String code = ApiCalls.read(sz.get("/api/v1/classes/" + id), "$.code");
    assertThat(sz.post("/api/v1/classes", body("重复编号", 1, 1, true, ", \"code\": \"" + code + "\"")))
        .hasStatus(422);
  }

  @Test
  void placesMayNotFallBelowWhatIsTaken() {
    long id = create(body("名额", 2, 3, true, ""));
    assertThat(member.post("/api/v1/classes/" + id + "/registrations", "{}")).hasStatus(201);
    long regId =
        ((Number) ApiCalls.read(member.get("/api/v1/classes/" + id), "$.myRegistration.id"))
            .longValue();
    assertThat(sz.post("/api/v1/registrations/" + regId + "/confirm", "")).hasStatusOk();
    assertThat(sz.patch("/api/v1/classes/" + id, "{\"capacity\": 1, \"maxRegistrations\": 1}"))
        .hasStatusOk();
    assertThat(sz.patch("/api/v1/classes/" + id, "{\"maxRegistrations\": 0}")).hasStatus(422);
    long other = create(body("名额二", 5, 5, true, ""));
    assertThat(member.post("/api/v1/classes/" + other + "/registrations", "{}")).hasStatus(201);
    long otherReg =
        ((Number) ApiCalls.read(member.get("/api/v1/classes/" + other), "$.myRegistration.id"))
            .longValue();
    sz.post("/api/v1/registrations/" + otherReg + "/confirm", "");
    ApiCalls second = new ApiCalls(mvc, ApiTokens.demo(mvc, "MEMBER", "440300150002"));
    assertThat(second.post("/api/v1/classes/" + other + "/registrations", "{}")).hasStatus(201);
    assertThat(sz.patch("/api/v1/classes/" + other, "{\"maxRegistrations\": 1, \"capacity\": 1}"))
        .hasStatus(409)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("BELOW_TAKEN");
    assertThat(sz.patch("/api/v1/classes/" + other, "{\"capacity\": 1, \"maxRegistrations\": 5}"))
        .hasStatusOk();
    assertThat(sz.patch("/api/v1/classes/" + other, "{\"capacity\": 0}")).hasStatus(422);
  }

  @Test
  void cancellingAClassCancelsItsRegistrationsOnce() {
    long id = create(body("将取消", 5, 5, true, ""));
    member.post("/api/v1/classes/" + id + "/registrations", "{}");
    assertThat(sz.post("/api/v1/classes/" + id + "/cancel", "{}")).hasStatus(422);
    MvcTestResult cancelled =
        sz.post("/api/v1/classes/" + id + "/cancel", "{\"reason\": \"讲师临时有事\"}");
    assertThat(cancelled)
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.status")
        .isEqualTo("CANCELLED");
    assertThat(cancelled).bodyJson().extractingPath("$.registeredCount").isEqualTo(0);
    assertThat(member.get("/api/v1/classes/" + id))
        .bodyJson()
        .extractingPath("$.myRegistration.status")
        .isEqualTo("CANCELLED");
    assertThat(sz.post("/api/v1/classes/" + id + "/cancel", "{\"reason\": \"again\"}"))
        .hasStatus(409)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("INVALID_STATE");
    assertThat(sz.patch("/api/v1/classes/" + id, "{\"name\": \"x\"}")).hasStatus(409);
  }

  @Test
  void theListFiltersAndPagesInAStableOrder() {
    String tag = "筛选" + System.nanoTime();
    for (int i = 0; i < 3; i++) {
      create(body(tag + i, 5, 5, true, ""));
    }
    assertThat(member.get("/api/v1/classes?name=" + tag + "&size=2"))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(3);
    assertThat(member.get("/api/v1/classes?name=" + tag + "&size=2&page=2"))
        .bodyJson()
        .extractingPath("$.items")
        .asArray()
        .hasSize(1);
    assertThat(
            member.get(
                "/api/v1/classes?name="
                    + tag
                    + "&status=OPEN&audience=PRACTISING_CPA&institute=SZ&year="
                    + today.plusDays(7).getYear()))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(3);
    assertThat(member.get("/api/v1/classes?name=" + tag + "&status=FINISHED"))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(0);
    assertThat(member.get("/api/v1/classes?name=" + tag + "&institute=NOPE"))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(0);
    assertThat(
            member.get("/api/v1/classes?name=" + tag + "&trainingStartFrom=" + today.plusDays(8)))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(0);
    for (String bad :
        new String[] {
          "status=FOO", "audience=X", "page=0", "size=101", "trainingEndTo=2026-02-30", "year=abc"
        }) {
      assertThat(member.get("/api/v1/classes?" + bad))
          .as(bad)
          .hasStatus(400)
          .bodyJson()
          .extractingPath("$.code")
          .isEqualTo("MALFORMED_REQUEST");
    }
  }

  @Test
  void anExternalClassCarriesItsLinkAndCannotBeRegistered() {
    long id =
        create(
            body(
                "三院班",
                100,
                100,
                true,
                ", \"external\": true, \"externalUrl\": \"https://www.snai.edu/\""));
    assertThat(member.get("/api/v1/classes/" + id))
        .bodyJson()
        .extractingPath("$.externalUrl")
        .isEqualTo("https://www.snai.edu/");
    assertThat(member.post("/api/v1/classes/" + id + "/registrations", "{}"))
        .hasStatus(409)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("EXTERNAL_CLASS");
    assertThat(
            sz.post(
                "/api/v1/classes",
                body(
                    "坏链接",
                    1,
                    1,
                    true,
                    ", \"external\": true, \"externalUrl\": \"javascript:alert(1)\"")))
        .hasStatus(422);
  }
}
