package org.cmis.membership.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * No secret configured: every request is refused, whatever it is signed with (API.md); a secret an
 * administrator stored ({@code integration.supervision.secret}) is used instead of the
 * configuration.
 */
@SpringBootTest(properties = "cmis.integration.supervision.secret=")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SyncWithoutSecretTest {

  @Autowired MockMvcTester mvc;
  @Autowired Clock clock;
  @Autowired JdbcClient jdbc;

  @Test
  void everyRequestIsRefusedWithoutASecret() {
    SyncCalls sync = new SyncCalls(mvc, clock);
    String body =
        SyncCalls.batch(
            SyncCalls.firmUpsert(SyncCalls.eventId(), 1, SyncCalls.newFirmNo(), "无密钥", "TS"));
    byte[] raw = body.getBytes(StandardCharsets.UTF_8);
    String ts = Long.toString(clock.instant().getEpochSecond());
    for (MvcTestResult r :
        java.util.List.of(
            sync.post(body),
            sync.post(raw, ts, SyncSignature.sign("x", ts, raw)),
            sync.post(raw, ts, ""),
            sync.post(raw, ts, null))) {
      assertThat(r).hasStatus(401);
      assertThat((String) SyncCalls.read(r, "$.code")).isEqualTo("BAD_SIGNATURE");
    }
  }

  @Test
  void aStoredSecretHolds() {
    SyncCalls.ensureInstitute(jdbc);
    String firmNo = SyncCalls.newFirmNo();
    String body =
        SyncCalls.batch(SyncCalls.firmUpsert(SyncCalls.eventId(), 1, firmNo, "存储密钥所", "TS"));
    byte[] raw = body.getBytes(StandardCharsets.UTF_8);
    String ts = Long.toString(clock.instant().getEpochSecond());
    jdbc.sql("insert into setting (key, value, updated_by) values (:k, 'stored-secret', 'test')")
        .param("k", SyncSecret.SETTING)
        .update();
    try {
      SyncCalls sync = new SyncCalls(mvc, clock);
      assertThat(sync.post(raw, ts, SyncSignature.sign("stored-secret", ts, raw))).hasStatusOk();
    } finally {
      jdbc.sql("delete from setting where key = :k").param("k", SyncSecret.SETTING).update();
    }
    assertThat(
            jdbc.sql("select count(*) from firm where firm_no = :no")
                .param("no", firmNo)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}
