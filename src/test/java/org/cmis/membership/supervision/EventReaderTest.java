package org.cmis.membership.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.cmis.membership.MemberCategory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading one event leniently: what is readable, and every reason when it is not. */
class EventReaderTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private static SyncEvent read(String json) {
    JsonNode node = JSON.readTree(json);
    return EventReader.read(node, 3);
  }

  private static String reasons(String json) {
    SyncEvent e = read(json);
    assertThat(e).isInstanceOf(SyncEvent.Unreadable.class);
    return ((SyncEvent.Unreadable) e).message();
  }

  @Test
  void aMemberUpsertIsReadWithItsDefaults() {
    SyncEvent e =
        read(
            """
            {"eventId": "e-1", "type": "MEMBER_UPSERT", "version": 12,
             "occurredAt": "2026-12-01T10:00:00+08:00", "unknown": 1,
             "data": {"memberNo": "440300010001", "name": "张三", "gender": "M",
                      "birthDate": "1980-01-02", "category": "PRACTISING_CPA",
                      "firmNo": "44030001", "instituteCode": null, "extra": [1]}}
            """);
    assertThat(e).isInstanceOf(SyncEvent.Readable.class);
    SyncEvent.Readable r = (SyncEvent.Readable) e;
    assertThat(r.seq()).isEqualTo(3);
    assertThat(r.version()).isEqualTo(12);
    assertThat(r.entityNo()).isEqualTo("440300010001");
    assertThat(r.member().birthDate()).isEqualTo(LocalDate.of(1980, 1, 2));
    assertThat(r.member().category()).isEqualTo(MemberCategory.PRACTISING_CPA);
    assertThat(r.member().instituteCode()).isNull();
    // not sent: kept as stored
    assertThat(r.member().mobile()).isNull();
    assertThat(r.member().position()).isNull();
    assertThat(r.member().active()).isNull();
    assertThat(r.hints().firmNos()).containsExactly("44030001");
  }

  @Test
  void firmUpsertsAndTransfersAreRead() {
    SyncEvent.Readable f =
        (SyncEvent.Readable)
            read(
                """
                {"eventId": "f", "type": "FIRM_UPSERT", "version": 1,
                 "data": {"firmNo": "44030001", "name": "所", "creditCode": null, "instituteCode": "SZ"}}
                """);
    assertThat(f.firm().creditCode()).isNull();
    assertThat(f.order()).isZero();
    SyncEvent.Readable t =
        (SyncEvent.Readable)
            read(
                """
                {"eventId": "t", "type": "MEMBER_TRANSFER", "version": 9223372036854775807,
                 "data": {"memberNo": "440300010001", "toFirmNo": "44030002"}}
                """);
    assertThat(t.transfer().fromFirmNo()).isNull();
    assertThat(t.version()).isEqualTo(Long.MAX_VALUE);
    assertThat(t.order()).isOne();
  }

  @Test
  void everyReasonIsNamed() {
    assertThat(reasons("{\"type\": \"MEMBER_UPSERT\", \"version\": 1, \"data\": {}}"))
        .contains("eventId：必填", "data.memberNo：必填", "data.name：必填", "data.category：必填");
    assertThat(reasons("{\"eventId\": \"\", \"type\": \"X\", \"version\": 0, \"data\": 1}"))
        .contains("eventId：必填", "type：应为", "version：应为正整数", "data：应为 JSON 对象");
    assertThat(reasons("{\"eventId\": 5, \"type\": \"FIRM_UPSERT\", \"version\": 1.5}"))
        .contains("eventId：应为文本", "version：", "data：必填");
    assertThat(
            reasons(
                "{\"eventId\": \"a\", \"type\": \"MEMBER_UPSERT\", \"version\": \"7\","
                    + " \"occurredAt\": \"today\", \"data\": {\"memberNo\": \"1\", \"name\": \"n\","
                    + " \"gender\": \"M\", \"category\": \"CPA\", \"birthDate\": \"1980-1-2\","
                    + " \"partner\": 1, \"mobile\": 13800000000}}"))
        .contains(
            "version：",
            "occurredAt：",
            "data.category：",
            "data.birthDate：应为 yyyy-MM-dd",
            "data.partner：应为 true 或 false",
            "data.mobile：应为文本");
    assertThat(
            reasons(
                "{\"eventId\": \"a\\u0000b\", \"type\": \"FIRM_UPSERT\", \"version\": 1, \"data\": {}}"))
        .contains("eventId：含有不允许的字符");
    assertThat(reasons("[1]")).isEqualTo("事件应为 JSON 对象");
    assertThat(
            reasons(
                "{\"eventId\": \""
                    + "x".repeat(101)
                    + "\", \"type\": \"FIRM_UPSERT\", \"version\": 1,"
                    + " \"data\": {\"firmNo\": \"44030001\", \"name\": \"所\", \"instituteCode\": \"SZ\"}}"))
        .contains("eventId：应为 1 到 100 个字符");
    assertThat(
            reasons(
                "{\"eventId\": \"a\", \"type\": \"MEMBER_UPSERT\", \"version\": 99999999999999999999,"
                    + " \"data\": {}}"))
        .contains("version：应为正整数");
  }
}
