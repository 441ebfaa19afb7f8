package org.cmis.membership.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cmis.membership.supervision.SyncCalls.batch;
import static org.cmis.membership.supervision.SyncCalls.eventId;
import static org.cmis.membership.supervision.SyncCalls.firmUpsert;
import static org.cmis.membership.supervision.SyncCalls.memberUpsert;
import static org.cmis.membership.supervision.SyncCalls.read;
import static org.cmis.membership.supervision.SyncCalls.transfer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestFirms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Every point of API.md's "Supervision-platform sync (F2.4)", end to end on PostgreSQL. */
@IntegrationTest
class SupervisionSyncApiTest {

  @Autowired MockMvcTester mvc;
  @Autowired Clock clock;
  @Autowired JdbcClient jdbc;
  @Autowired TestFirms firms;

  SyncCalls sync;
  TestFirms.Firm firm;
  TestFirms.Firm other;
  TestFirms.Firm beijing;

  @BeforeEach
  void setUp() {
    sync = new SyncCalls(mvc, clock);
    SyncCalls.ensureInstitute(jdbc);
    firm = firms.aFirm().create();
    other = firms.aFirm().create();
    beijing = firms.aFirm().inInstitute("BJ").create();
  }

  private String newMemberNo(TestFirms.Firm f, int serial) {
    return f.firmNo() + (5000 + serial);
  }

  private Map<String, Object> member(String memberNo) {
    return jdbc.sql(
            "select m.name, m.gender, m.birth_date, m.mobile, m.email, m.position, m.category,"
                + " f.firm_no, m.institute_code, m.active, m.sync_version from member m"
                + " left join firm f on f.id = m.firm_id where m.member_no = :no")
        .param("no", memberNo)
        .query()
        .singleRow();
  }

  private long members(String memberNo) {
    return jdbc.sql("select count(*) from member where member_no = :no")
        .param("no", memberNo)
        .query(Long.class)
        .single();
  }

  private List<String> history(String memberNo) {
    return jdbc.sql(
            "select h.field || ':' || coalesce(h.old_value, '') || '>' || coalesce(h.new_value, '')"
                + " || ' by ' || h.changed_by from member_history h join member m on m.id ="
                + " h.member_id where m.member_no = :no order by h.id")
        .param("no", memberNo)
        .query(String.class)
        .list();
  }

  private static void answers(MvcTestResult r, int accepted, int ignored, int rejected) {
    assertThat(r).hasStatusOk();
    assertThat((Integer) read(r, "$.accepted")).as(SyncCalls.body(r)).isEqualTo(accepted);
    assertThat((Integer) read(r, "$.ignored")).as(SyncCalls.body(r)).isEqualTo(ignored);
    assertThat((List<?>) read(r, "$.rejected")).as(SyncCalls.body(r)).hasSize(rejected);
  }

  @Test
  void memberUpsertCreatesThenUpdatesAndKeepsTheHistory() {
    String no = newMemberNo(firm, 1);
    String created = eventId();
    answers(sync.post(batch(memberUpsert(created, 3, no, firm.firmNo(), "13900000001"))), 1, 0, 0);
    Map<String, Object> m = member(no);
    assertThat(m)
        .containsEntry("name", "同步" + no.substring(8))
        .containsEntry("gender", "F")
        .containsEntry("mobile", "13900000001")
        .containsEntry("firm_no", firm.firmNo())
        .containsEntry("institute_code", "SZ")
        .containsEntry("category", "PRACTISING_CPA")
        .containsEntry("sync_version", 3L);
    assertThat(history(no)).contains("mobile:>13900000001 by 监管平台同步（事件 " + created + "）");

    String updated = eventId();
    answers(sync.post(batch(memberUpsert(updated, 4, no, firm.firmNo(), "13900000002"))), 1, 0, 0);
    assertThat(member(no)).containsEntry("mobile", "13900000002");
    assertThat(history(no))
        .contains("mobile:13900000001>13900000002 by 监管平台同步（事件 " + updated + "）");

    int rows = history(no).size();
    // older and equal versions are ignored
    answers(
        sync.post(
            batch(
                memberUpsert(eventId(), 4, no, firm.firmNo(), "13900000003"),
                memberUpsert(eventId(), 2, no, firm.firmNo(), "13900000004"))),
        0,
        2,
        0);
    assertThat(member(no)).containsEntry("mobile", "13900000002");
    assertThat(history(no)).hasSize(rows);
  }

  @Test
  void aBatchAppliesEachEntitysVersionsInOrderWhateverTheirOrderInIt() {
    String no = newMemberNo(firm, 2);
    answers(
        sync.post(
            batch(
                memberUpsert(eventId(), 9, no, firm.firmNo(), "13900000009"),
                memberUpsert(eventId(), 7, no, firm.firmNo(), "13900000007"))),
        2,
        0,
        0);
    assertThat(member(no)).containsEntry("mobile", "13900000009").containsEntry("sync_version", 9L);
  }

  @Test
  void aReplayedBatchIsIgnoredWhole() {
    String a = newMemberNo(firm, 3);
    String b = newMemberNo(firm, 4);
    String body =
        batch(
            memberUpsert(eventId(), 1, a, firm.firmNo(), "13900000031"),
            memberUpsert(eventId(), 1, b, firm.firmNo(), "13900000041"));
    answers(sync.post(body), 2, 0, 0);
    int rows = history(a).size() + history(b).size();
    answers(sync.post(body), 0, 2, 0);
    assertThat(history(a).size() + history(b).size()).isEqualTo(rows);
    // the same id with a newer version is still the same event: ignored
    String id = eventId();
    answers(sync.post(batch(memberUpsert(id, 5, a, firm.firmNo(), "13900000032"))), 1, 0, 0);
    answers(sync.post(batch(memberUpsert(id, 6, a, firm.firmNo(), "13900000033"))), 0, 1, 0);
    assertThat(member(a)).containsEntry("mobile", "13900000032");
  }

  @Test
  void oneInvalidEventIsRejectedAloneAndTheRestApply() {
    String good1 = newMemberNo(firm, 5);
    String good2 = newMemberNo(firm, 6);
    String badMobile = newMemberNo(firm, 7);
    String badFirm = newMemberNo(firm, 8);
    String badInstitute = SyncCalls.newFirmNo();
    String unknownMember = newMemberNo(firm, 9);
    String e1 = eventId();
    String e2 = eventId();
    String e3 = eventId();
    String e4 = eventId();
    String e5 = eventId();
    String e6 = eventId();
    MvcTestResult r =
        sync.post(
            batch(
                memberUpsert(e1, 1, good1, firm.firmNo(), "13900000051"),
                memberUpsert(e2, 1, badMobile, firm.firmNo(), "12345"),
                memberUpsert(e3, 1, badFirm, "45989999", "13900000081"),
                firmUpsert(e4, 1, badInstitute, "无此协会所", "XX"),
                transfer(e5, 1, unknownMember, null, firm.firmNo()),
                memberUpsert(e6, 1, good2, firm.firmNo(), "13900000061")));
    answers(r, 2, 0, 4);
    assertThat((List<String>) read(r, "$.rejected[*].eventId")).containsExactly(e2, e3, e4, e5);
    assertThat((List<String>) read(r, "$.rejected[*].code"))
        .containsExactly(
            "VALIDATION_FAILED", "UNKNOWN_FIRM", "UNKNOWN_INSTITUTE", "UNKNOWN_MEMBER");
    assertThat((String) read(r, "$.rejected[0].message")).contains("data.mobile");
    assertThat((String) read(r, "$.rejected[1].message")).contains("45989999");
    assertThat(members(good1)).isEqualTo(1);
    assertThat(members(good2)).isEqualTo(1);
    assertThat(members(badMobile)).isZero();
    assertThat(members(badFirm)).isZero();

    // a rejected event is not remembered: sent again, corrected, it applies
    answers(
        sync.post(batch(memberUpsert(e2, 1, badMobile, firm.firmNo(), "13900000071"))), 1, 0, 0);
    assertThat(member(badMobile)).containsEntry("mobile", "13900000071");
  }

  @Test
  void aWrongValueOrTypeInsideOneEventRejectsThatEventAlone() {
    String good = newMemberNo(firm, 10);
    String no = newMemberNo(firm, 11);
    List<String> events = new ArrayList<>();
    events.add(memberUpsert(eventId(), 1, good, firm.firmNo(), "13900000101"));
    events.add(
        "{\"eventId\": \"%s\", \"type\": \"MEMBER_UPSERT\", \"version\": \"abc\", \"data\": %s}"
            .formatted(eventId(), SyncCalls.member(no, "张三", firm.firmNo(), "13900000111")));
    events.add(
        "{\"eventId\": \"%s\", \"type\": \"MEMBER_UPSERT\", \"version\": 1, \"data\": [1, 2]}"
            .formatted(eventId()));
    events.add(
        "{\"eventId\": \"%s\", \"type\": \"MEMBER_UPSERT\", \"version\": 1, \"data\":"
                .formatted(eventId())
            + " {\"memberNo\": \""
            + no
            + "\", \"name\": 5, \"gender\": \"M\", \"birthDate\": \"2026-02-30\","
            + " \"category\": \"PRACTISING_CPA\", \"firmNo\": \""
            + firm.firmNo()
            + "\", \"partner\": \"yes\"}}");
    events.add(
        "{\"eventId\": \"%s\", \"type\": \"MEMBER_MERGE\", \"version\": 1, \"data\": {}}"
            .formatted(eventId()));
    events.add("{\"eventId\": 17, \"type\": \"FIRM_UPSERT\", \"version\": 0, \"data\": {}}");
    events.add("\"not an object\"");
    events.add(
        "{\"eventId\": \"%s\", \"type\": \"MEMBER_UPSERT\", \"version\": 1.5, \"occurredAt\": \"yesterday\", \"data\": %s}"
            .formatted(eventId(), SyncCalls.member(no, "张三", firm.firmNo(), "13900000111")));
    events.add(
        "{\"eventId\": \"%s\", \"type\": \"MEMBER_UPSERT\", \"version\": 99999999999999999999, \"data\": %s}"
            .formatted(eventId(), SyncCalls.member(no, "张三", firm.firmNo(), "13900000111")));
    events.add(
        "{\"eventId\": \"%s\", \"type\": \"MEMBER_UPSERT\", \"version\": 1, \"data\": %s}"
            .formatted("x".repeat(101), SyncCalls.member(no, "张三", firm.firmNo(), "13900000111")));
    MvcTestResult r = sync.post(batch(events));
    answers(r, 1, 0, events.size() - 1);
    assertThat((List<String>) read(r, "$.rejected[*].code")).containsOnly("VALIDATION_FAILED");
    String body = SyncCalls.body(r);
    assertThat(body)
        .contains("version", "data.name", "data.birthDate", "data.partner", "type", "occurredAt");
    assertThat(members(no)).isZero();
    assertThat(members(good)).isEqualTo(1);
  }

  @Test
  void aFirmCreatedInTheBatchIsThereForItsPeopleAndTransfersFollowTheFirmsInstitute() {
    String newFirm = SyncCalls.newFirmNo();
    String no = newMemberNo(firm, 12);
    // the member comes first in the batch, its firm after it
    answers(
        sync.post(
            batch(
                memberUpsert(eventId(), 1, no, newFirm, "13900000121"),
                firmUpsert(eventId(), 1, newFirm, "新设会计师事务所", "TS"))),
        2,
        0,
        0);
    assertThat(member(no)).containsEntry("firm_no", newFirm).containsEntry("institute_code", "TS");

    String moved = eventId();
    answers(sync.post(batch(transfer(moved, 2, no, newFirm, beijing.firmNo()))), 1, 0, 0);
    assertThat(member(no))
        .containsEntry("firm_no", beijing.firmNo())
        .containsEntry("institute_code", "BJ");
    assertThat(history(no))
        .contains(
            "firmNo:" + newFirm + ">" + beijing.firmNo() + " by 监管平台同步（事件 " + moved + "）",
            "instituteCode:TS>BJ by 监管平台同步（事件 " + moved + "）");
    // a transfer from a firm it is not in is refused; an older one ignored
    MvcTestResult wrongFrom =
        sync.post(batch(transfer(eventId(), 3, no, other.firmNo(), firm.firmNo())));
    answers(wrongFrom, 0, 0, 1);
    assertThat((String) read(wrongFrom, "$.rejected[0].message")).contains("fromFirmNo");
    answers(sync.post(batch(transfer(eventId(), 2, no, beijing.firmNo(), firm.firmNo()))), 0, 1, 0);
    // firm renamed by a newer version; an older one ignored
    answers(sync.post(batch(firmUpsert(eventId(), 5, newFirm, "改名会计师事务所", "TS"))), 1, 0, 0);
    answers(sync.post(batch(firmUpsert(eventId(), 4, newFirm, "旧名会计师事务所", "TS"))), 0, 1, 0);
    assertThat(
            jdbc.sql("select name from firm where firm_no = :no")
                .param("no", newFirm)
                .query(String.class)
                .single())
        .isEqualTo("改名会计师事务所");
  }

  @Test
  void aNonPractisingMemberLeavesItsFirm() {
    String no = newMemberNo(firm, 13);
    answers(
        sync.post(batch(memberUpsert(eventId(), 1, no, firm.firmNo(), "13900000131"))), 1, 0, 0);
    String data =
        "{\"memberNo\": \"%s\", \"name\": \"离所\", \"gender\": \"M\", \"category\": \"NON_PRACTISING\","
                .formatted(no)
            + " \"firmNo\": null, \"instituteCode\": \"TS\", \"active\": false}";
    answers(sync.post(batch(SyncCalls.event(eventId(), "MEMBER_UPSERT", 2, data))), 1, 0, 0);
    assertThat(member(no))
        .containsEntry("firm_no", null)
        .containsEntry("category", "NON_PRACTISING")
        .containsEntry("active", false)
        // not sent: kept
        .containsEntry("mobile", "13900000131");
  }

  @Test
  void oneToAThousandEventsElse422AndNothingApplied() {
    List<String> events = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      events.add(firmUpsert(eventId(), 1, "4598" + (1000 + i % 9000), "超量", "TS"));
    }
    MvcTestResult tooMany = sync.post(batch(events));
    assertThat(tooMany).hasStatus(422);
    assertThat((String) read(tooMany, "$.code")).isEqualTo("VALIDATION_FAILED");
    assertThat(
            jdbc.sql("select count(*) from firm where firm_no like '4598%'")
                .query(Long.class)
                .single())
        .isZero();
    MvcTestResult none = sync.post(batch());
    assertThat(none).hasStatus(422);
  }

  @Test
  void aBodyThatIsNotAnEventsListIs400() {
    for (String body :
        List.of(
            "not json",
            "{\"events\": {}}",
            "{}",
            "[]",
            "{\"events\": [] ",
            "",
            "{\"events\": 1}")) {
      MvcTestResult r = sync.post(body);
      assertThat(r).as(body).hasStatus(400);
      assertThat((String) read(r, "$.code")).isEqualTo("MALFORMED_REQUEST");
    }
    MvcTestResult text =
        mvc.post()
            .uri(SupervisionSyncController.PATH)
            .contentType(MediaType.TEXT_PLAIN)
            .content("{\"events\": []}")
            .exchange();
    assertThat(text).hasStatus(415);
  }

  @Test
  void badMissingStaleOrFutureSignaturesAre401AndApplyNothing() {
    String no = newMemberNo(firm, 14);
    String body = batch(memberUpsert(eventId(), 1, no, firm.firmNo(), "13900000141"));
    byte[] raw = body.getBytes(StandardCharsets.UTF_8);
    long now = clock.instant().getEpochSecond();
    String ts = Long.toString(now);
    String right = SyncSignature.sign(SyncCalls.SECRET, ts, raw);
    List<MvcTestResult> refused =
        List.of(
            sync.post(raw, ts, SyncSignature.sign("another-secret", ts, raw)),
            sync.post(raw, ts, right.toUpperCase(java.util.Locale.ROOT)),
            sync.post(raw, ts, null),
            sync.post(raw, null, right),
            sync.post(raw, "abc", right),
            sync.post((body + " ").getBytes(StandardCharsets.UTF_8), ts, right),
            sync.post(
                raw,
                Long.toString(now - 310),
                SyncSignature.sign(SyncCalls.SECRET, Long.toString(now - 310), raw)),
            sync.post(
                raw,
                Long.toString(now + 310),
                SyncSignature.sign(SyncCalls.SECRET, Long.toString(now + 310), raw)),
            // the signature of other bytes (the body re-serialised) is not the body's
            sync.post(
                raw,
                ts,
                SyncSignature.sign(
                    SyncCalls.SECRET, ts, body.replace(" ", "").getBytes(StandardCharsets.UTF_8))));
    for (int i = 0; i < refused.size(); i++) {
      MvcTestResult r = refused.get(i);
      assertThat(r.getResponse().getStatus()).as("refusal " + i).isEqualTo(401);
      assertThat((String) read(r, "$.code")).isEqualTo("BAD_SIGNATURE");
    }
    assertThat(members(no)).isZero();
    // within the window either way
    answers(sync.post(body, now - 290), 1, 0, 0);
  }

  @Test
  void aBodyOverOneMegabyteIs413() {
    String padding = "x".repeat(1024 * 1024);
    MvcTestResult r =
        sync.post(batch(firmUpsert(eventId(), 1, SyncCalls.newFirmNo(), padding, "TS")));
    assertThat(r).hasStatus(413);
  }

  @Test
  void theOpenApiDescriptionNamesTheEndpoint() {
    MvcTestResult docs = mvc.get().uri("/v3/api-docs").exchange();
    assertThat(docs).hasStatusOk();
    assertThat(SyncCalls.body(docs))
        .contains("/api/v1/integration/supervision/events", "X-Cmis-Signature", "X-Cmis-Timestamp");
  }
}
