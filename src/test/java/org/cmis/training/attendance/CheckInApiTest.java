package org.cmis.training.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestClasses;
import org.cmis.support.TestFirms;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * {@code POST /api/v1/check-ins} on PostgreSQL (F5.1): on time, late, once per day, attended when
 * every day is checked in; a wrong code, ten of them (then 429), a closed window, another class's
 * code, a staff or firm caller, bad bodies.
 */
@IntegrationTest
class CheckInApiTest {

  @Autowired MockMvcTester mvc;
  @Autowired StartedClasses started;
  @Autowired CheckInSessions sessions;
  @Autowired RecordedEvents events;
  @Autowired JdbcClient jdbc;

  private Api member(StartedClasses.Setup s, int serial) {
    return new Api(mvc, ApiTokens.of(mvc, "MEMBER", s.firm().memberNo(serial), TestFirms.PASSWORD));
  }

  private String code(long session) {
    return jdbc.sql("select code from check_in_session where id = :id")
        .param("id", session)
        .query(String.class)
        .single();
  }

  /** A code no session open now has. */
  private String unusedCode(String besides) {
    for (int i = 100000; ; i++) {
      String c = Integer.toString(i);
      boolean used =
          jdbc.sql(
                  "select exists (select 1 from check_in_session where code = :c"
                      + " and closes_at > now())")
              .param("c", c)
              .query(Boolean.class)
              .single();
      if (!used && !c.equals(besides)) {
        return c;
      }
    }
  }

  private static String body(String code) {
    return "{\"code\": \"" + code + "\"}";
  }

  @Test
  void aMemberChecksInOnTimeOnceAndIsAttendedWhenTheOnlyDayIsDone() {
    StartedClasses.Setup s = started.started(1, 2);
    long session = sessions.open(TestClasses.SZ_STAFF, s.c().id(), null, null, null);
    Api m = member(s, 1);
    long registration = s.registrationIds().get(0);

    MvcTestResult first = m.post("/api/v1/check-ins", body(code(session)));
    assertThat(first).hasStatus(201);
    assertThat(first).bodyJson().extractingPath("$.registrationId").isEqualTo((int) registration);
    assertThat(first).bodyJson().extractingPath("$.classId").isEqualTo((int) s.c().id());
    assertThat(first)
        .bodyJson()
        .extractingPath("$.day")
        .isEqualTo(s.c().trainingStart().toString());
    assertThat(first).bodyJson().extractingPath("$.late").isEqualTo(false);
    assertThat(first).bodyJson().extractingPath("$.attended").isEqualTo(true);
    assertThat(started.attendance(registration)).isEqualTo("ATTENDED");
    assertThat(events.of(registration)).hasSize(1);

    MvcTestResult again = m.post("/api/v1/check-ins", body(code(session)));
    assertThat(again).hasStatus(200);
    assertThat(again).bodyJson().extractingPath("$.attended").isEqualTo(true);
    assertThat(events.of(registration)).hasSize(1);
    assertThat(started.attendance(s.registrationIds().get(1))).isEmpty();
  }

  @Test
  void twoDaysNeedTwoCheckInsAndALateOneIsMarkedLate() {
    StartedClasses.Setup s = started.started(2, 1);
    LocalDate first = s.c().trainingStart();
    long day1 = sessions.open(TestClasses.SZ_STAFF, s.c().id(), first, 60, null);
    long day2 = sessions.open(TestClasses.SZ_STAFF, s.c().id(), first.plusDays(1), 60, 10);
    jdbc.sql("update check_in_session set opens_at = now() - interval '20 minutes' where id = :id")
        .param("id", day2)
        .update();
    Api m = member(s, 1);
    long registration = s.registrationIds().get(0);

    MvcTestResult onTime = m.post("/api/v1/check-ins", body(code(day1)));
    assertThat(onTime).hasStatus(201).bodyJson().extractingPath("$.attended").isEqualTo(false);
    assertThat(started.attendance(registration)).isEmpty();
    assertThat(events.of(registration)).isEmpty();

    MvcTestResult late = m.post("/api/v1/check-ins", body(code(day2)));
    assertThat(late).hasStatus(201);
    assertThat(late).bodyJson().extractingPath("$.late").isEqualTo(true);
    assertThat(late).bodyJson().extractingPath("$.day").isEqualTo(first.plusDays(1).toString());
    assertThat(late).bodyJson().extractingPath("$.attended").isEqualTo(true);
    assertThat(events.of(registration)).hasSize(1);
  }

  @Test
  void wrongCodesAreCountedAndTheEleventhIsTooMany() {
    StartedClasses.Setup s = started.started(1, 2);
    long session = sessions.open(TestClasses.SZ_STAFF, s.c().id(), null, null, null);
    String right = code(session);
    String wrong = unusedCode(right);
    Api m = member(s, 1);
    for (int i = 1; i <= CheckIns.MAX_WRONG; i++) {
      MvcTestResult r = m.post("/api/v1/check-ins", body(wrong));
      assertThat(r)
          .hasStatus(422)
          .bodyJson()
          .extractingPath("$.code")
          .isEqualTo("VALIDATION_FAILED");
      assertThat(r).bodyJson().extractingPath("$.errors[0].field").isEqualTo("code");
    }
    assertThat(m.post("/api/v1/check-ins", body(wrong)))
        .hasStatus(429)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("TOO_MANY_ATTEMPTS");
    assertThat(m.post("/api/v1/check-ins", body(right))).hasStatus(429);
    assertThat(started.attendance(s.registrationIds().get(0))).isEmpty();
    // another member of the class is counted on its own
    assertThat(member(s, 2).post("/api/v1/check-ins", body(right))).hasStatus(201);
  }

  @Test
  void aClosedWindowAnotherClassAndNoOpenSessionAreRefused() throws Exception {
    StartedClasses.Setup s = started.started(1, 1);
    StartedClasses.Setup other = started.started(1, 1);
    long session = sessions.open(TestClasses.SZ_STAFF, s.c().id(), null, null, null);
    long foreign = sessions.open(TestClasses.SZ_STAFF, other.c().id(), null, null, null);
    Api m = member(s, 1);

    // another class's code is a wrong code: the answers never tell which codes are open elsewhere
    MvcTestResult foreignCode = m.post("/api/v1/check-ins", body(code(foreign)));
    assertThat(foreignCode)
        .hasStatus(422)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("VALIDATION_FAILED");
    assertThat(
            foreignCode.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("只能为您已确认报名的培训班签到");
    assertThat(
            jdbc.sql("select failures from check_in_attempt where session_id = :s")
                .param("s", session)
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    jdbc.sql(
            "update check_in_session set closes_at = now() - interval '1 minute',"
                + " opens_at = now() - interval '2 hours' where id = :id")
        .param("id", session)
        .update();
    MvcTestResult closed = m.post("/api/v1/check-ins", body(code(session)));
    assertThat(closed)
        .hasStatus(409)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("CHECK_IN_CLOSED");
    assertThat(closed.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("签到");
    assertThat(m.post("/api/v1/check-ins", body(unusedCode(""))))
        .hasStatus(409)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("CHECK_IN_CLOSED");
    assertThat(started.attendance(s.registrationIds().get(0))).isEmpty();
  }

  @Test
  void badBodiesAndCallersOtherThanAMember() throws Exception {
    StartedClasses.Setup s = started.started(1, 1);
    long session = sessions.open(TestClasses.SZ_STAFF, s.c().id(), null, null, null);
    Api m = member(s, 1);
    assertThat(m.post("/api/v1/check-ins", "{}")).hasStatus(422);
    assertThat(m.post("/api/v1/check-ins", body("12ab56")))
        .hasStatus(422)
        .bodyJson()
        .extractingPath("$.errors[0].field")
        .isEqualTo("code");
    assertThat(m.post("/api/v1/check-ins", "{\"code\": 123456}")).hasStatus(400);
    assertThat(m.post("/api/v1/check-ins", "{\"code\": [")).hasStatus(400);
    Api firm = new Api(mvc, ApiTokens.of(mvc, "FIRM", s.firm().account(), TestFirms.PASSWORD));
    assertThat(firm.post("/api/v1/check-ins", body(code(session)))).hasStatus(403);
    Api staff = new Api(mvc, ApiTokens.demo(mvc, "STAFF", "sz-staff"));
    assertThat(staff.post("/api/v1/check-ins", body(code(session)))).hasStatus(403);
    assertThat(started.attendance(s.registrationIds().get(0))).isEmpty();
  }
}
