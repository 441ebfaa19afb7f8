package org.cmis.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestFirms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The registration endpoints and error codes of API.md, end to end on PostgreSQL. */
@IntegrationTest
class RegistrationApiTest {

  @Autowired MockMvcTester mvc;
  @Autowired java.time.Clock clock;
  @Autowired DataSource dataSource;
  @Autowired TestFirms firms;

  ApiCalls sz;
  ApiCalls bj;
  ApiCalls firm;
  ApiCalls otherFirm;
  ApiCalls admin;
  LocalDate today;

  /** The test's own firm of SZ: 50 practising CPAs with accounts. */
  TestFirms.Firm own;

  /** Another firm of SZ, and a firm of BJ, each with one CPA. */
  TestFirms.Firm other;

  TestFirms.Firm beijing;

  @BeforeEach
  void callers() {
    own = firms.aFirm().withCpas(50).withMemberAccounts().create();
    other = firms.aFirm().create();
    beijing = firms.aFirm().inInstitute("BJ").create();
    sz = new ApiCalls(mvc, ApiTokens.demo(mvc, "STAFF", "sz-staff"));
    bj = new ApiCalls(mvc, ApiTokens.demo(mvc, "STAFF", "bj-staff"));
    firm = new ApiCalls(mvc, ApiTokens.of(mvc, "FIRM", own.account(), TestFirms.PASSWORD));
    otherFirm = new ApiCalls(mvc, ApiTokens.of(mvc, "FIRM", other.account(), TestFirms.PASSWORD));
    admin = new ApiCalls(mvc, ApiTokens.demo(mvc, "ADMIN", "admin"));
    today = LocalDate.now(clock);
  }

  private ApiCalls member(int serial) {
    return new ApiCalls(mvc, ApiTokens.of(mvc, "MEMBER", own.memberNo(serial), TestFirms.PASSWORD));
  }

  private long newClass(
      int capacity, int max, String extra, LocalDate rs, LocalDate re, LocalDate ts) {
    String json =
        """
        {"name": "报名测试班", "audiences": ["PRACTISING_CPA"],
         "registrationStart": "%s", "registrationEnd": "%s", "trainingStart": "%s", "trainingEnd": "%s",
         "hours": 8, "capacity": %d, "maxRegistrations": %d, "published": true %s}
        """
            .formatted(rs, re, ts, ts.plusDays(1), capacity, max, extra);
    MvcTestResult created = sz.post("/api/v1/classes", json);
    assertThat(created).hasStatus(201);
    return ((Number) ApiCalls.read(created, "$.id")).longValue();
  }

  private long openClass(int capacity, int max, String extra) {
    return newClass(capacity, max, extra, today.minusDays(1), today.plusDays(3), today.plusDays(7));
  }

  private static long id(MvcTestResult result) {
    return ((Number) ApiCalls.read(result, "$.id")).longValue();
  }

  @Test
  void aMemberRegistersWithItsProfileContactsAndSeesItOnce() {
    long c = openClass(10, 10, "");
    ApiCalls m = member(1);
    MvcTestResult created = m.post("/api/v1/classes/" + c + "/registrations", "{}");
    assertThat(created).hasStatus(201).headers().containsHeader("Location");
    assertThat(created).bodyJson().extractingPath("$.status").isEqualTo("PENDING");
    assertThat(created).bodyJson().extractingPath("$.channel").isEqualTo("SELF");
    assertThat(created).bodyJson().extractingPath("$.email").isEqualTo(own.cpa(1).email());
    assertThat(created).bodyJson().extractingPath("$.firmNo").isEqualTo(own.firmNo());
    long r = id(created);
    assertThat(m.get("/api/v1/registrations/" + r)).hasStatusOk();
    assertThat(m.get("/api/v1/classes/" + c))
        .bodyJson()
        .extractingPath("$.myRegistration.status")
        .isEqualTo("PENDING");
    assertThat(m.post("/api/v1/classes/" + c + "/registrations", "{}"))
        .hasStatus(409)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("ALREADY_REGISTERED");
    assertThat(
            m.post(
                "/api/v1/classes/" + c + "/registrations",
                "{\"mobile\": \"123\", \"email\": \"nope\"}"))
        .hasStatus(422)
        .bodyJson()
        .extractingPath("$.errors[*].field")
        .asArray()
        .contains("mobile", "email");
  }

  @Test
  void classLevelRefusalsComeFirst() {
    long notOpen = newClass(5, 5, "", today.plusDays(2), today.plusDays(4), today.plusDays(6));
    long closed = newClass(5, 5, "", today.minusDays(10), today.minusDays(5), today.plusDays(6));
    long finished =
        newClass(5, 5, "", today.minusDays(20), today.minusDays(15), today.minusDays(10));
    ApiCalls m = member(2);
    assertThat(m.post("/api/v1/classes/" + notOpen + "/registrations", "{\"mobile\": \"bad\"}"))
        .hasStatus(409)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("CLASS_NOT_OPEN");
    assertThat(m.post("/api/v1/classes/" + closed + "/registrations", "{}"))
        .hasStatus(409)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("REGISTRATION_CLOSED");
    assertThat(m.post("/api/v1/classes/" + finished + "/registrations", "{}"))
        .hasStatus(409)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("REGISTRATION_CLOSED");
    long cancelled = openClass(5, 5, "");
    sz.post("/api/v1/classes/" + cancelled + "/cancel", "{\"reason\": \"取消\"}");
    assertThat(m.post("/api/v1/classes/" + cancelled + "/registrations", "{}"))
        .hasStatus(409)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("CLASS_CANCELLED");
    assertThat(firm.post("/api/v1/classes/" + closed + "/registrations", "{\"people\": []}"))
        .hasStatus(409)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("REGISTRATION_CLOSED");
  }

  @Test
  void eligibilityAndFullness() {
    long nonPractising =
        newClass(
            5,
            5,
            ", \"audiences\": [\"NON_PRACTISING\"]",
            today.minusDays(1),
            today.plusDays(3),
            today.plusDays(7));
    assertThat(member(3).post("/api/v1/classes/" + nonPractising + "/registrations", "{}"))
        .hasStatus(409)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("NOT_ELIGIBLE");
    long partners = openClass(5, 5, ", \"restriction\": \"PARTNERS_ONLY\"");
    MvcTestResult partnerOnly =
        member(4).post("/api/v1/classes/" + partners + "/registrations", "{}");
    assertThat(partnerOnly.getResponse().getStatus()).isIn(201, 409);
    long full = openClass(1, 1, "");
    assertThat(member(5).post("/api/v1/classes/" + full + "/registrations", "{}")).hasStatus(201);
    assertThat(member(6).post("/api/v1/classes/" + full + "/registrations", "{}"))
        .hasStatus(409)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("CLASS_FULL");
  }

  @Test
  void aFirmRegistersItsPeopleWithOneOutcomeEach() {
    long c = openClass(3, 3, ", \"waitlistEnabled\": true");
    String people =
        """
        {"people": [
          {"memberNo": "%s"},
          {"memberNo": "%s", "mobile": "13912345678", "email": "x@example.org"},
          {"memberNo": "%s"},
          {"memberNo": "%s", "email": "not-an-email"},
          {"memberNo": "%s"},
          {"memberNo": "P99999999"},
          {"memberNo": "%s"},
          {"memberNo": "%s"}
        ], "waitlist": true}
        """
            .formatted(
                own.memberNo(10),
                own.memberNo(11),
                other.memberNo(1),
                own.memberNo(12),
                own.memberNo(10),
                own.memberNo(13),
                own.memberNo(14));
    MvcTestResult result = firm.post("/api/v1/classes/" + c + "/registrations", people);
    assertThat(result).hasStatusOk();
    assertThat(result)
        .bodyJson()
        .extractingPath("$.results[*].outcome")
        .asArray()
        .containsExactly(
            "REGISTERED",
            "REGISTERED",
            "NOT_IN_FIRM",
            "INVALID_CONTACT",
            "ALREADY_REGISTERED",
            "NOT_IN_FIRM",
            "REGISTERED",
            "WAITLISTED");
    assertThat(result).bodyJson().extractingPath("$.results[0].status").isEqualTo("PENDING");
    assertThat(result).bodyJson().extractingPath("$.results[7].status").isEqualTo("WAITLISTED");
    // one multi-row audit insert for the request: an entry per registration, nothing else left
    assertThat(
            org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
                .sql(
                    "select count(*) from audit_entry where entity_type = 'Registration' and"
                        + " entity_id in (select id::text from registration where class_id = ?)"
                        + " and action in ('REGISTRATION_PENDING', 'REGISTRATION_WAITLISTED')")
                .param(c)
                .query(Long.class)
                .single())
        .isEqualTo(4L);
    assertThat(firm.get("/api/v1/registrations?classId=" + c))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(4);
    assertThat(firm.get("/api/v1/registrations?classId=" + c + "&status=WAITLISTED"))
        .bodyJson()
        .extractingPath("$.items[0].memberNo")
        .isEqualTo(own.memberNo(14));
    assertThat(otherFirm.get("/api/v1/registrations?classId=" + c))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(0);
    assertThat(otherFirm.get("/api/v1/registrations?firmNo=" + own.firmNo())).hasStatus(403);
    assertThat(firm.post("/api/v1/classes/" + c + "/registrations", "{\"people\": []}"))
        .hasStatus(422);
  }

  @Test
  void staffConfirmRejectAndTheWaitlistMovesUp() {
    long c = openClass(1, 2, ", \"waitlistEnabled\": true");
    long a = id(member(20).post("/api/v1/classes/" + c + "/registrations", "{}"));
    long b = id(member(21).post("/api/v1/classes/" + c + "/registrations", "{}"));
    MvcTestResult waiting =
        member(22).post("/api/v1/classes/" + c + "/registrations", "{\"waitlist\": true}");
    assertThat(waiting)
        .hasStatus(201)
        .bodyJson()
        .extractingPath("$.status")
        .isEqualTo("WAITLISTED");
    long w = id(waiting);
    assertThat(bj.post("/api/v1/registrations/" + a + "/confirm", "")).hasStatus(404);
    assertThat(member(20).post("/api/v1/registrations/" + a + "/confirm", "")).hasStatus(403);
    assertThat(sz.post("/api/v1/registrations/" + a + "/confirm", ""))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.status")
        .isEqualTo("CONFIRMED");
    assertThat(sz.post("/api/v1/registrations/" + a + "/confirm", ""))
        .hasStatus(409)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("INVALID_STATE");
    assertThat(sz.post("/api/v1/registrations/" + b + "/confirm", ""))
        .hasStatus(409)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("CAPACITY_REACHED");
    assertThat(sz.post("/api/v1/registrations/" + b + "/reject", "{}")).hasStatus(422);
    assertThat(
            sz.post(
                "/api/v1/registrations/" + b + "/reject",
                "{\"reason\": \"" + "长".repeat(501) + "\"}"))
        .hasStatus(422);
    MvcTestResult rejected =
        sz.post("/api/v1/registrations/" + b + "/reject", "{\"reason\": \"不符合要求\"}");
    assertThat(rejected).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("REJECTED");
    assertThat(rejected).bodyJson().extractingPath("$.reason").isEqualTo("不符合要求");
    assertThat(sz.get("/api/v1/registrations/" + w))
        .bodyJson()
        .extractingPath("$.status")
        .isEqualTo("PENDING");
    assertThat(sz.get("/api/v1/classes/" + c))
        .bodyJson()
        .extractingPath("$.waitlistedCount")
        .isEqualTo(0);
  }

  @Test
  void bulkConfirmationInOrderUpToCapacity() {
    long c = openClass(2, 4, "");
    long[] ids = new long[4];
    for (int i = 0; i < 4; i++) {
      ids[i] = id(member(30 + i).post("/api/v1/classes/" + c + "/registrations", "{}"));
    }
    MvcTestResult some =
        sz.post(
            "/api/v1/classes/" + c + "/registrations/confirm",
            "{\"registrationIds\": [" + ids[3] + ", 999999999]}");
    assertThat(some)
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.results[*].outcome")
        .asArray()
        .containsExactly("CONFIRMED", "INVALID_STATE");
    MvcTestResult rest =
        sz.post("/api/v1/classes/" + c + "/registrations/confirm", "{\"upToCapacity\": true}");
    assertThat(rest)
        .bodyJson()
        .extractingPath("$.results[*].registrationId")
        .asArray()
        .containsExactly((int) ids[0]);
    assertThat(
            sz.post(
                "/api/v1/classes/" + c + "/registrations/confirm",
                "{\"registrationIds\": [" + ids[1] + "]}"))
        .bodyJson()
        .extractingPath("$.results[0].outcome")
        .isEqualTo("CAPACITY_REACHED");
    assertThat(sz.post("/api/v1/classes/" + c + "/registrations/confirm", "{}")).hasStatus(422);
  }

  @Test
  void autoModeConfirmsUpToCapacityAndSwitchingConfirmsPending() {
    long c = openClass(1, 3, ", \"confirmationMode\": \"AUTO\"");
    assertThat(member(40).post("/api/v1/classes/" + c + "/registrations", "{}"))
        .bodyJson()
        .extractingPath("$.status")
        .isEqualTo("CONFIRMED");
    assertThat(member(41).post("/api/v1/classes/" + c + "/registrations", "{}"))
        .bodyJson()
        .extractingPath("$.status")
        .isEqualTo("PENDING");
    assertThat(sz.patch("/api/v1/classes/" + c, "{\"capacity\": 2}"))
        .bodyJson()
        .extractingPath("$.confirmedCount")
        .isEqualTo(2);
    long manual = openClass(2, 2, "");
    member(42).post("/api/v1/classes/" + manual + "/registrations", "{}");
    assertThat(sz.patch("/api/v1/classes/" + manual, "{\"confirmationMode\": \"AUTO\"}"))
        .bodyJson()
        .extractingPath("$.confirmedCount")
        .isEqualTo(1);
  }

  @Test
  void cancellationByTheMemberOrItsFirmBeforeTheDeadlineThenANonAttendanceDeclaration() {
    long c = openClass(5, 5, ", \"waitlistEnabled\": true");
    ApiCalls m = member(45);
    long r = id(m.post("/api/v1/classes/" + c + "/registrations", "{}"));
    assertThat(otherFirm.post("/api/v1/registrations/" + r + "/cancel", "{\"reason\": \"x\"}"))
        .hasStatus(404);
    assertThat(m.post("/api/v1/registrations/" + r + "/cancel", "{}")).hasStatus(422);
    assertThat(m.post("/api/v1/registrations/" + r + "/cancel", "{\"reason\": \"工作冲突\"}"))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.status")
        .isEqualTo("CANCELLED");
    assertThat(m.post("/api/v1/registrations/" + r + "/cancel", "{\"reason\": \"again\"}"))
        .hasStatus(409)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("INVALID_STATE");
    long again = id(m.post("/api/v1/classes/" + c + "/registrations", "{}"));
    long byFirm = id(member(46).post("/api/v1/classes/" + c + "/registrations", "{}"));
    assertThat(firm.post("/api/v1/registrations/" + byFirm + "/cancel", "{\"reason\": \"所里安排\"}"))
        .hasStatusOk();
    // The deadline passes: yesterday; training starts in two days.
    assertThat(
            sz.patch(
                "/api/v1/classes/" + c,
                "{\"registrationStart\": \"%s\", \"registrationEnd\": \"%s\", \"trainingStart\": \"%s\", \"cancellationDeadline\": \"%s\"}"
                    .formatted(
                        today.minusDays(3),
                        today.minusDays(2),
                        today.plusDays(2),
                        today.minusDays(1))))
        .hasStatusOk();
    assertThat(m.post("/api/v1/registrations/" + again + "/cancel", "{\"reason\": \"太晚了\"}"))
        .hasStatus(409)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("CANCELLATION_CLOSED");
    assertThat(m.post("/api/v1/registrations/" + again + "/non-attendance", "{\"reason\": \"出差\"}"))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.nonAttendanceReason")
        .isEqualTo("出差");
  }

  @Test
  void staffRegisterLateForPeopleOfTheirInstituteOnly() {
    long closed = newClass(5, 5, "", today.minusDays(10), today.minusDays(5), today.plusDays(6));
    MvcTestResult late =
        sz.post(
            "/api/v1/classes/" + closed + "/registrations",
            "{\"people\": [{\"memberNo\": \"%s\"}, {\"memberNo\": \"%s\"}]}"
                .formatted(own.memberNo(47), beijing.memberNo(1)));
    assertThat(late)
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.results[*].outcome")
        .asArray()
        .containsExactly("REGISTERED", "NOT_ELIGIBLE");
    long r = ((Number) ApiCalls.read(late, "$.results[0].registrationId")).longValue();
    assertThat(sz.get("/api/v1/registrations/" + r))
        .bodyJson()
        .extractingPath("$.channel")
        .isEqualTo("STAFF");
    assertThat(
            bj.post(
                "/api/v1/classes/" + closed + "/registrations",
                "{\"people\": [{\"memberNo\": \"%s\"}]}".formatted(beijing.memberNo(1))))
        .hasStatus(403);
  }

  @Test
  void registrationsAreScopedToTheCaller() {
    long c = openClass(5, 5, "");
    long r = id(member(48).post("/api/v1/classes/" + c + "/registrations", "{}"));
    assertThat(member(49).get("/api/v1/registrations/" + r)).hasStatus(404);
    assertThat(otherFirm.get("/api/v1/registrations/" + r)).hasStatus(404);
    assertThat(bj.get("/api/v1/registrations/" + r)).hasStatus(404);
    assertThat(firm.get("/api/v1/registrations/" + r)).hasStatusOk();
    assertThat(sz.get("/api/v1/registrations/" + r)).hasStatusOk();
    assertThat(admin.get("/api/v1/registrations/" + r)).hasStatusOk();
    assertThat(member(49).get("/api/v1/registrations?memberNo=" + own.memberNo(48))).hasStatus(403);
    assertThat(sz.get("/api/v1/registrations?classId=" + c))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(1);
    assertThat(bj.get("/api/v1/registrations?classId=" + c))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(0);
    assertThat(sz.get("/api/v1/registrations?status=FOO")).hasStatus(400);
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyCreatesNothingNew() {
    long c = openClass(5, 5, "");
    String token = ApiTokens.of(mvc, "MEMBER", own.memberNo(44), TestFirms.PASSWORD);
    MvcTestResult first =
        mvc.post()
            .uri("/api/v1/classes/" + c + "/registrations")
            .header("Authorization", "Bearer " + token)
            .header("Idempotency-Key", "reg-" + c)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{}")
            .exchange();
    MvcTestResult again =
        mvc.post()
            .uri("/api/v1/classes/" + c + "/registrations")
            .header("Authorization", "Bearer " + token)
            .header("Idempotency-Key", "reg-" + c)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{}")
            .exchange();
    assertThat(first).hasStatus(201);
    assertThat(again).hasStatus(201);
    assertThat(id(again)).isEqualTo(id(first));
    assertThat(sz.get("/api/v1/classes/" + c))
        .bodyJson()
        .extractingPath("$.registeredCount")
        .isEqualTo(1);
  }

  @Test
  void aLockHeldTooLongAnswersBusyAndAppliesNothing() throws Exception {
    long c = openClass(5, 5, "");
    try (Connection holder = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      try (Statement s = holder.createStatement()) {
        s.execute("select id from training_class where id = " + c + " for update");
        MvcTestResult busy = member(43).post("/api/v1/classes/" + c + "/registrations", "{}");
        assertThat(busy).hasStatus(503).bodyJson().extractingPath("$.code").isEqualTo("BUSY");
        assertThat(busy).headers().containsHeader("Retry-After");
      } finally {
        holder.rollback();
      }
    }
    assertThat(sz.get("/api/v1/classes/" + c))
        .bodyJson()
        .extractingPath("$.registeredCount")
        .isEqualTo(0);
  }
}
