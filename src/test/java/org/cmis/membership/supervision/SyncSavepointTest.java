package org.cmis.membership.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestFirms;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The careful way of a batch (each event in a savepoint, what a retry after a database error does):
 * the same answers as the fast way, a rejected event undone alone, ids remembered.
 */
@IntegrationTest
class SyncSavepointTest {

  @Autowired SupervisionSync sync;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired TestFirms firms;

  private List<JsonNode> events(String batch) {
    List<JsonNode> events = new ArrayList<>();
    json.readTree(batch).get("events").values().forEach(events::add);
    return events;
  }

  @Test
  void eachEventInItsSavepoint() {
    SyncCalls.ensureInstitute(jdbc);
    TestFirms.Firm firm = firms.aFirm().create();
    String good = firm.firmNo() + "9001";
    String bad = firm.firmNo() + "9002";
    String newFirm = SyncCalls.newFirmNo();
    String id = SyncCalls.eventId();
    String batch =
        SyncCalls.batch(
            SyncCalls.memberUpsert(id, 1, good, newFirm, "13900090011"),
            SyncCalls.memberUpsert(SyncCalls.eventId(), 1, bad, "45969999", "13900090021"),
            SyncCalls.firmUpsert(SyncCalls.eventId(), 1, newFirm, "保存点所", "TS"),
            SyncCalls.memberUpsert(id, 2, good, newFirm, "13900090012"));
    SyncAnswer answer = sync.applyWithSavepoints(events(batch));
    assertThat(answer.accepted()).isEqualTo(2);
    assertThat(answer.ignored()).isEqualTo(1);
    assertThat(answer.rejected())
        .singleElement()
        .satisfies(r -> assertThat(r.code()).isEqualTo("UNKNOWN_FIRM"));
    assertThat(
            jdbc.sql("select mobile from member where member_no = :no")
                .param("no", good)
                .query(String.class)
                .single())
        .isEqualTo("13900090011");
    assertThat(
            jdbc.sql("select count(*) from member where member_no = :no")
                .param("no", bad)
                .query(Long.class)
                .single())
        .isZero();
    // the ids are remembered: the fast way ignores them now
    SyncAnswer again = sync.apply(events(batch));
    assertThat(again.accepted()).isZero();
    assertThat(again.ignored()).isEqualTo(3);
    assertThat(again.rejected()).hasSize(1);
  }
}
