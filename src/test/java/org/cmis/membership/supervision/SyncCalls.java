package org.cmis.membership.supervision;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Signed calls of the sync endpoint, and events to send, for the tests. */
final class SyncCalls {

  static final String SECRET = "demo-sync-secret";
  private static final AtomicInteger FIRMS = new AtomicInteger(1000);
  private static final AtomicInteger EVENTS = new AtomicInteger();

  private final MockMvcTester mvc;
  private final Clock clock;

  SyncCalls(MockMvcTester mvc, Clock clock) {
    this.mvc = mvc;
    this.clock = clock;
  }

  /**
   * The institute of the firms and non-practising members these tests create through the sync, so
   * that they do not change the counts of SZ and BJ other tests check.
   */
  static final String INSTITUTE = "TS";

  static void ensureInstitute(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
    jdbc.sql(
            "insert into institute (code, name) values ('TS', '同步测试协会') on conflict (code) do nothing")
        .update();
  }

  /** A firm number no demo or TestFirms firm has: 4599 and a serial. */
  static String newFirmNo() {
    return "4599" + FIRMS.getAndIncrement();
  }

  /** An event id unique in the test run. */
  static String eventId() {
    return "test-" + System.nanoTime() + "-" + EVENTS.incrementAndGet();
  }

  static String batch(String... events) {
    return batch(List.of(events));
  }

  static String batch(List<String> events) {
    return "{\"events\": [" + String.join(",", events) + "]}";
  }

  static String event(String id, String type, long version, String data) {
    return "{\"eventId\": \"%s\", \"type\": \"%s\", \"version\": %d, \"occurredAt\": \"2026-12-01T10:00:00+08:00\", \"data\": %s}"
        .formatted(id, type, version, data);
  }

  static String member(String memberNo, String name, String firmNo, String mobile) {
    return ("{\"memberNo\": \"%s\", \"name\": \"%s\", \"gender\": \"F\", \"birthDate\": \"1985-03-04\","
            + " \"category\": \"PRACTISING_CPA\", \"firmNo\": \"%s\", \"position\": \"项目经理\","
            + " \"mobile\": \"%s\", \"email\": \"%s@example.cn\"}")
        .formatted(memberNo, name, firmNo, mobile, memberNo);
  }

  static String memberUpsert(
      String id, long version, String memberNo, String firmNo, String mobile) {
    return event(
        id,
        "MEMBER_UPSERT",
        version,
        member(memberNo, "同步" + memberNo.substring(8), firmNo, mobile));
  }

  static String firmUpsert(String id, long version, String firmNo, String name, String institute) {
    return event(
        id,
        "FIRM_UPSERT",
        version,
        "{\"firmNo\": \"%s\", \"name\": \"%s\", \"creditCode\": null, \"instituteCode\": \"%s\"}"
            .formatted(firmNo, name, institute));
  }

  static String transfer(String id, long version, String memberNo, String from, String to) {
    return event(
        id,
        "MEMBER_TRANSFER",
        version,
        "{\"memberNo\": \"%s\", \"fromFirmNo\": %s, \"toFirmNo\": \"%s\"}"
            .formatted(memberNo, from == null ? "null" : "\"" + from + "\"", to));
  }

  MvcTestResult post(String body) {
    return post(body, clock.instant().getEpochSecond());
  }

  MvcTestResult post(String body, long timestamp) {
    byte[] raw = body.getBytes(StandardCharsets.UTF_8);
    String ts = Long.toString(timestamp);
    return post(raw, ts, SyncSignature.sign(SECRET, ts, raw));
  }

  MvcTestResult post(byte[] raw, String timestamp, String signature) {
    var request =
        mvc.post()
            .uri(SupervisionSyncController.PATH)
            .contentType(MediaType.APPLICATION_JSON)
            .content(raw);
    if (timestamp != null) {
      request = request.header(SupervisionSyncController.TIMESTAMP, timestamp);
    }
    if (signature != null) {
      request = request.header(SupervisionSyncController.SIGNATURE, signature);
    }
    return request.exchange();
  }

  static <T> T read(MvcTestResult result, String path) {
    try {
      return JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8), path);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String body(MvcTestResult result) {
    try {
      return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String numbers(List<String> events) {
    return events.stream().collect(Collectors.joining(","));
  }
}
