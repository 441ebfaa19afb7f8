package org.cmis.training.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestFirms;
import org.cmis.training.registration.RegistrationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * {@code POST /api/v1/registrations/{id}/attendance} and its bulk form on PostgreSQL: the answers
 * and error codes of API.md, the hours granted, and one AttendanceRecorded per change only.
 */
@IntegrationTest
class AttendanceApiTest {

  @Autowired MockMvcTester mvc;
  @Autowired StartedClasses started;
  @Autowired RecordedEvents events;
  @Autowired RegistrationService registrations;
  @Autowired JdbcClient jdbc;

  private Api staff() {
    return new Api(mvc, ApiTokens.demo(mvc, "STAFF", "sz-staff"));
  }

  private static String uri(long id) {
    return "/api/v1/registrations/" + id + "/attendance";
  }

  @Test
  void staffMarkAttendedThenAbsentAndTheSameValueTwicePublishesNothing() {
    StartedClasses.Setup s = started.started(1, 1);
    long id = s.registrationIds().get(0);
    Api sz = staff();

    MvcTestResult attended = sz.post(uri(id), "{\"attended\": true}");
    assertThat(attended).hasStatusOk();
    assertThat(attended).bodyJson().extractingPath("$.attendance").isEqualTo("ATTENDED");
    assertThat(attended).bodyJson().extractingPath("$.hoursGranted").isEqualTo(8.0);
    assertThat(attended).bodyJson().extractingPath("$.id").isEqualTo((int) id);
    assertThat(events.of(id)).hasSize(1);
    assertThat(events.of(id).get(0).attended()).isTrue();
    assertThat(events.of(id).get(0).hours()).isEqualByComparingTo("8");
    assertThat(events.of(id).get(0).ethicsHours()).isEqualByComparingTo("2");
    assertThat(events.of(id).get(0).year()).isEqualTo(s.c().year());
    assertThat(events.of(id).get(0).date()).isEqualTo(s.c().trainingEnd());
    assertThat(events.of(id).get(0).memberNo()).isEqualTo(s.firm().memberNo(1));

    assertThat(sz.post(uri(id), "{\"attended\": true}")).hasStatusOk();
    assertThat(events.of(id)).hasSize(1);

    MvcTestResult absent = sz.post(uri(id), "{\"attended\": false}");
    assertThat(absent).hasStatusOk();
    assertThat(absent).bodyJson().extractingPath("$.attendance").isEqualTo("ABSENT");
    assertThat(absent).bodyJson().extractingPath("$.hoursGranted").isEqualTo(0.0);
    assertThat(sz.post(uri(id), "{\"attended\": false}")).hasStatusOk();
    assertThat(events.of(id)).hasSize(2);
    assertThat(events.of(id).get(1).attended()).isFalse();
  }

  @Test
  void onlyAConfirmedRegistrationAndNotBeforeTrainingStarts() {
    StartedClasses.Setup s = started.started(1, 2);
    long cancelled = s.registrationIds().get(1);
    jdbc.sql("update registration set status = 'CANCELLED' where id = :id")
        .param("id", cancelled)
        .update();
    Api sz = staff();
    assertThat(sz.post(uri(cancelled), "{\"attended\": true}"))
        .hasStatus(409)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("INVALID_STATE");

    StartedClasses.Setup later = started.notStarted(1);
    long early = later.registrationIds().get(0);
    assertThat(sz.post(uri(early), "{\"attended\": true}"))
        .hasStatus(409)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("TRAINING_NOT_STARTED");
    assertThat(
            sz.post(
                "/api/v1/classes/" + later.c().id() + "/attendance",
                "{\"registrationIds\": [" + early + "], \"attended\": true}"))
        .hasStatus(409)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("TRAINING_NOT_STARTED");
    assertThat(events.of(cancelled)).isEmpty();
    assertThat(events.of(early)).isEmpty();
    assertThat(started.attendance(early)).isEmpty();
  }

  @Test
  void anotherInstitutesStaffAFirmAndAMemberAreRefused() throws Exception {
    StartedClasses.Setup s = started.started(1, 1);
    long id = s.registrationIds().get(0);
    Api bj = new Api(mvc, ApiTokens.demo(mvc, "STAFF", "bj-staff"));
    Api firm = new Api(mvc, ApiTokens.of(mvc, "FIRM", s.firm().account(), TestFirms.PASSWORD));
    Api member =
        new Api(mvc, ApiTokens.of(mvc, "MEMBER", s.firm().memberNo(1), TestFirms.PASSWORD));
    Api admin = new Api(mvc, ApiTokens.demo(mvc, "ADMIN", "admin"));

    MvcTestResult foreign = bj.post(uri(id), "{\"attended\": true}");
    assertThat(foreign).hasStatus(404).bodyJson().extractingPath("$.code").isEqualTo("NOT_FOUND");
    assertThat(foreign.getResponse().getContentAsString()).doesNotContain(s.firm().memberNo(1));
    assertThat(
            bj.post(
                "/api/v1/classes/" + s.c().id() + "/attendance",
                "{\"registrationIds\": [" + id + "], \"attended\": true}"))
        .hasStatus(404);
    assertThat(firm.post(uri(id), "{\"attended\": true}"))
        .hasStatus(403)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("FORBIDDEN");
    assertThat(member.post(uri(id), "{\"attended\": true}")).hasStatus(403);
    assertThat(admin.post(uri(id), "{\"attended\": true}")).hasStatus(403);
    assertThat(staff().post(uri(999_999_999L), "{\"attended\": true}")).hasStatus(404);
    assertThat(mvc.post().uri(uri(id)).contentType("application/json").content("{}").exchange())
        .hasStatus(401);
    assertThat(events.of(id)).isEmpty();
    assertThat(started.attendance(id)).isEmpty();
  }

  @Test
  void badBodiesAreRefusedWithTheirCodes() {
    StartedClasses.Setup s = started.started(1, 1);
    long id = s.registrationIds().get(0);
    Api sz = staff();
    assertThat(sz.post(uri(id), "{\"attended\": \"x\"}"))
        .hasStatus(400)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("MALFORMED_REQUEST");
    assertThat(sz.post(uri(id), "{\"attended\": tru"))
        .hasStatus(400)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("MALFORMED_REQUEST");
    MvcTestResult missing = sz.post(uri(id), "{}");
    assertThat(missing)
        .hasStatus(422)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("VALIDATION_FAILED");
    assertThat(missing).bodyJson().extractingPath("$.errors[0].field").isEqualTo("attended");
    assertThat(sz.post(uri(id), "{\"attended\": null}")).hasStatus(422);
    assertThat(
            sz.post(
                "/api/v1/classes/" + s.c().id() + "/attendance",
                "{\"registrationIds\": [], \"attended\": true}"))
        .hasStatus(422)
        .bodyJson()
        .extractingPath("$.errors[0].field")
        .isEqualTo("registrationIds");
    assertThat(
            sz.post(
                "/api/v1/classes/" + s.c().id() + "/attendance",
                "{\"registrationIds\": [\"a\"], \"attended\": true}"))
        .hasStatus(400);
    assertThat(events.of(id)).isEmpty();
  }

  @Test
  void theBulkFormAnswersOneOutcomePerId() {
    StartedClasses.Setup s = started.started(2, 3);
    List<Long> ids = s.registrationIds();
    StartedClasses.Setup other = started.started(1, 1);
    Api sz = staff();
    assertThat(sz.post(uri(ids.get(0)), "{\"attended\": true}")).hasStatusOk();
    jdbc.sql("update registration set status = 'CANCELLED' where id = :id")
        .param("id", ids.get(2))
        .update();

    String body =
        "{\"registrationIds\": [%d, %d, %d, %d], \"attended\": true}"
            .formatted(ids.get(0), ids.get(1), ids.get(2), other.registrationIds().get(0));
    MvcTestResult result = sz.post("/api/v1/classes/" + s.c().id() + "/attendance", body);
    assertThat(result).hasStatusOk();
    assertThat(result)
        .bodyJson()
        .extractingPath("$.results[*].outcome")
        .asArray()
        .containsExactly("UNCHANGED", "CHANGED", "INVALID_STATE", "NOT_FOUND");
    assertThat(events.of(ids.get(0))).hasSize(1);
    assertThat(events.of(ids.get(1))).hasSize(1);
    assertThat(events.of(ids.get(2))).isEmpty();
    assertThat(events.of(other.registrationIds().get(0))).isEmpty();
    assertThat(started.attendance(other.registrationIds().get(0))).isEmpty();
  }

  @Test
  void fiveHundredInOneBulkRequestAreOneStatementAndOneEventEach() {
    StartedClasses.Setup s = started.started(1, 500);
    Api sz = staff();
    String ids =
        s.registrationIds().stream().map(String::valueOf).collect(Collectors.joining(", "));
    long t0 = System.nanoTime();
    MvcTestResult result =
        sz.post(
            "/api/v1/classes/" + s.c().id() + "/attendance",
            "{\"registrationIds\": [" + ids + "], \"attended\": true}");
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(result).hasStatusOk();
    List<String> outcomes = Api.read(result, "$.results[*].outcome");
    assertThat(outcomes).hasSize(500).containsOnly("CHANGED");
    assertThat(s.registrationIds()).allSatisfy(id -> assertThat(events.of(id)).hasSize(1));
    System.out.println("500 attendances marked in one request: " + millis + " ms");
    assertThat(
            jdbc.sql(
                    "select count(*) from registration where class_id = :c"
                        + " and attendance = 'ATTENDED' and hours_granted = 8")
                .param("c", s.c().id())
                .query(Integer.class)
                .single())
        .isEqualTo(500);
  }

  @Test
  void theEndpointsAreInOpenApi() {
    assertThat(mvc.get().uri("/v3/api-docs"))
        .hasStatusOk()
        .bodyText()
        .contains(
            "/api/v1/registrations/{id}/attendance",
            "/api/v1/classes/{id}/attendance",
            "/api/v1/check-ins");
  }
}
