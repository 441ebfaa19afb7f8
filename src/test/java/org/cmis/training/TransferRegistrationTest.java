package org.cmis.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cmis.membership.ChangedBy;
import org.cmis.membership.MemberCategory;
import org.cmis.membership.MemberChanges;
import org.cmis.membership.MemberData;
import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.cmis.support.TestFirms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Transfers (转所, ADR 0025): the member's registrations follow it; the new firm sees and cancels
 * them from the move on, the old firm keeps a read-only view of what it registered; a member who
 * becomes non-practising leaves its firm; one made inactive can no longer sign in or be registered,
 * and its account's contact is the member's.
 */
@IntegrationTest
class TransferRegistrationTest {

  static final ChangedBy BY = ChangedBy.syncEvent("transfer-test");

  @Autowired MockMvcTester mvc;
  @Autowired Clock clock;
  @Autowired JdbcClient jdbc;
  @Autowired TestFirms firms;
  @Autowired MemberChanges changes;

  TestFirms.Firm oldFirm;
  TestFirms.Firm newFirm;
  TestFirms.Firm stranger;
  ApiCalls oldCalls;
  ApiCalls newCalls;
  ApiCalls strangerCalls;
  long classId;

  @BeforeEach
  void setUp() {
    jdbc.sql(
            "insert into institute (code, name) values ('TS', '同步测试协会') on conflict (code) do nothing")
        .update();
    oldFirm = firms.aFirm().withCpas(4).withMemberAccounts().create();
    newFirm = firms.aFirm().create();
    stranger = firms.aFirm().create();
    oldCalls = firm(oldFirm);
    newCalls = firm(newFirm);
    strangerCalls = firm(stranger);
    ApiCalls sz = new ApiCalls(mvc, ApiTokens.demo(mvc, "STAFF", "sz-staff"));
    LocalDate today = LocalDate.now(clock);
    MvcTestResult created =
        sz.post(
            "/api/v1/classes",
            """
            {"name": "转所测试班", "audiences": ["PRACTISING_CPA", "NON_PRACTISING"],
             "registrationStart": "%s", "registrationEnd": "%s", "trainingStart": "%s",
             "trainingEnd": "%s", "hours": 8, "capacity": 50, "maxRegistrations": 50,
             "published": true}
            """
                .formatted(
                    today.minusDays(1), today.plusDays(5), today.plusDays(10), today.plusDays(11)));
    assertThat(created).hasStatus(201);
    classId = ((Number) ApiCalls.read(created, "$.id")).longValue();
  }

  private ApiCalls firm(TestFirms.Firm f) {
    return new ApiCalls(mvc, ApiTokens.of(mvc, "FIRM", f.account(), TestFirms.PASSWORD));
  }

  private long register(ApiCalls calls, String memberNo) {
    MvcTestResult r =
        calls.post(
            "/api/v1/classes/" + classId + "/registrations",
            "{\"people\": [{\"memberNo\": \"%s\"}]}".formatted(memberNo));
    assertThat(r).hasStatusOk();
    assertThat((String) ApiCalls.read(r, "$.results[0].outcome")).isEqualTo("REGISTERED");
    return ((Number) ApiCalls.read(r, "$.results[0].registrationId")).longValue();
  }

  private MemberData as(String memberNo, MemberCategory category, String firmNo, Boolean active) {
    Map<String, Object> m =
        jdbc.sql("select name, gender from member where member_no = :no")
            .param("no", memberNo)
            .query()
            .singleRow();
    return new MemberData(
        memberNo,
        (String) m.get("name"),
        (String) m.get("gender"),
        null,
        null,
        category,
        firmNo,
        firmNo == null ? "TS" : null,
        null,
        null,
        null,
        null,
        active);
  }

  private List<Integer> listed(ApiCalls calls) {
    MvcTestResult r = calls.get("/api/v1/registrations?classId=" + classId + "&size=100");
    assertThat(r).hasStatusOk();
    return ApiCalls.read(r, "$.items[*].id");
  }

  private MvcTestResult cancel(ApiCalls calls, long id) {
    return calls.post("/api/v1/registrations/" + id + "/cancel", "{\"reason\": \"转所后取消\"}");
  }

  @Test
  void theNewFirmSeesAndCancelsTheOldFirmKeepsAReadOnlyView() {
    String moved = oldFirm.memberNo(2);
    long id = register(oldCalls, moved);
    long stays = register(oldCalls, oldFirm.memberNo(3));
    changes.transfer(moved, oldFirm.firmNo(), newFirm.firmNo(), null, BY);

    // the new firm: sees it (its firmNo is the member's firm now) and may cancel it
    MvcTestResult seen = newCalls.get("/api/v1/registrations/" + id);
    assertThat(seen).hasStatusOk();
    assertThat((String) ApiCalls.read(seen, "$.firmNo")).isEqualTo(newFirm.firmNo());
    assertThat(listed(newCalls)).contains((int) id).doesNotContain((int) stays);
    // the old firm: sees it, read-only
    assertThat(oldCalls.get("/api/v1/registrations/" + id)).hasStatusOk();
    assertThat(listed(oldCalls)).contains((int) id, (int) stays);
    MvcTestResult refused = cancel(oldCalls, id);
    assertThat(refused).hasStatus(403);
    assertThat((String) ApiCalls.read(refused, "$.code")).isEqualTo("FORBIDDEN");
    // a firm that never had the member sees nothing of it
    assertThat(strangerCalls.get("/api/v1/registrations/" + id)).hasStatus(404);
    assertThat(listed(strangerCalls)).doesNotContain((int) id);

    assertThat(cancel(newCalls, id)).hasStatusOk();
    // the CPA number did not change; the new firm registers the member again itself
    long again = register(newCalls, moved);
    assertThat(oldCalls.get("/api/v1/registrations/" + again)).hasStatus(404);
    // the old firm can no longer register the member
    MvcTestResult notIn =
        oldCalls.post(
            "/api/v1/classes/" + classId + "/registrations",
            "{\"people\": [{\"memberNo\": \"%s\"}]}".formatted(moved));
    assertThat((String) ApiCalls.read(notIn, "$.results[0].outcome")).isNotEqualTo("REGISTERED");
  }

  @Test
  void aNonPractisingMemberLeavesItsFirm() {
    String leaving = oldFirm.memberNo(2);
    long id = register(oldCalls, leaving);
    changes.upsert(as(leaving, MemberCategory.NON_PRACTISING, null, null), null, BY);

    MvcTestResult people = oldCalls.get("/api/v1/members?size=100");
    assertThat(people).hasStatusOk();
    assertThat((List<String>) ApiCalls.read(people, "$.items[*].memberNo"))
        .doesNotContain(leaving)
        .contains(oldFirm.memberNo(1));
    // its registration: the member's own; the old firm keeps the read-only view
    assertThat(oldCalls.get("/api/v1/registrations/" + id)).hasStatusOk();
    assertThat(cancel(oldCalls, id)).hasStatus(403);
    ApiCalls member = new ApiCalls(mvc, ApiTokens.of(mvc, "MEMBER", leaving, TestFirms.PASSWORD));
    assertThat(member.get("/api/v1/registrations/" + id)).hasStatusOk();
    assertThat(cancel(member, id)).hasStatusOk();
  }

  @Test
  void anInactiveMemberCannotSignInNorBeRegisteredAndItsContactIsItsAccounts() {
    String no = oldFirm.memberNo(4);
    String token = ApiTokens.of(mvc, "MEMBER", no, TestFirms.PASSWORD);
    ApiCalls member = new ApiCalls(mvc, token);
    assertThat(member.get("/api/v1/registrations")).hasStatusOk();

    changes.upsert(as(no, MemberCategory.PRACTISING_CPA, oldFirm.firmNo(), false), null, BY);

    // its token stops at once, and it cannot sign in
    assertThat(member.get("/api/v1/registrations")).hasStatus(401);
    MvcTestResult signIn =
        mvc.post()
            .uri("/api/v1/auth/token")
            .with(
                r -> {
                  r.setRemoteAddr(TestAccounts.address());
                  return r;
                })
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"userType\":\"MEMBER\",\"account\":\"%s\",\"password\":\"%s\"}"
                    .formatted(no, TestFirms.PASSWORD))
            .exchange();
    assertThat(signIn).hasStatus(401);
    // nor can its firm register it
    MvcTestResult r =
        oldCalls.post(
            "/api/v1/classes/" + classId + "/registrations",
            "{\"people\": [{\"memberNo\": \"%s\"}]}".formatted(no));
    assertThat((String) ApiCalls.read(r, "$.results[0].outcome")).isEqualTo("NOT_ELIGIBLE");
    // its history stays
    assertThat(
            jdbc.sql(
                    "select count(*) from member_history h join member m on m.id = h.member_id"
                        + " where m.member_no = :no and h.field = 'active'")
                .param("no", no)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // active again, with a new mobile: signs in, and the account has the member's contact
    MemberData back =
        new MemberData(
            no,
            as(no, MemberCategory.PRACTISING_CPA, oldFirm.firmNo(), true).name(),
            as(no, MemberCategory.PRACTISING_CPA, oldFirm.firmNo(), true).gender(),
            null,
            null,
            MemberCategory.PRACTISING_CPA,
            oldFirm.firmNo(),
            null,
            null,
            "13712345678",
            "back@example.cn",
            null,
            true);
    changes.upsert(back, null, BY);
    assertThat(
            jdbc.sql(
                    "select mobile || ' ' || email || ' ' || enabled from account"
                        + " where login_type = 'MEMBER' and member_no = :no")
                .param("no", no)
                .query(String.class)
                .single())
        .isEqualTo("13712345678 back@example.cn true");
    assertThat(
            new ApiCalls(mvc, ApiTokens.of(mvc, "MEMBER", no, TestFirms.PASSWORD))
                .get("/api/v1/registrations"))
        .hasStatusOk();
  }
}
