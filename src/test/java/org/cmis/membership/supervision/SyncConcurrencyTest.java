package org.cmis.membership.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestFirms;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The same members upserted by several batches at once with different versions, some events sent by
 * two batches: the highest version wins, and the history holds each applied change once, in version
 * order.
 */
@IntegrationTest
class SyncConcurrencyTest {

  static final int THREADS = 8;
  static final int VERSIONS_PER_BATCH = 6;

  @Autowired MockMvcTester mvc;
  @Autowired Clock clock;
  @Autowired JdbcClient jdbc;
  @Autowired TestFirms firms;

  @Test
  void theHighestVersionWinsAndEachAppliedChangeIsInTheHistoryOnce() throws Exception {
    TestFirms.Firm firm = firms.aFirm().create();
    List<String> members = List.of(firm.firmNo() + "7001", firm.firmNo() + "7002");
    int versions = THREADS * VERSIONS_PER_BATCH;
    // event ids per (member, version): batch b sends versions b, b + THREADS, ... and also the
    // events of the next batch's first version, so that some events arrive twice at once
    List<List<String>> batches = new ArrayList<>();
    Random random = new Random(42);
    for (int b = 0; b < THREADS; b++) {
      List<String> events = new ArrayList<>();
      for (String no : members) {
        for (int k = 0; k < VERSIONS_PER_BATCH; k++) {
          int v = 1 + b + k * THREADS;
          events.add(event(no, v));
        }
        events.add(event(no, 1 + (b + 1) % THREADS));
      }
      Collections.shuffle(events, random);
      batches.add(events);
    }
    SyncCalls sync = new SyncCalls(mvc, clock);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<MvcTestResult>> answers = new ArrayList<>();
    for (List<String> events : batches) {
      answers.add(
          pool.submit(
              () -> {
                start.await();
                return sync.post(SyncCalls.batch(events));
              }));
    }
    start.countDown();
    int accepted = 0;
    for (Future<MvcTestResult> f : answers) {
      MvcTestResult r = f.get(60, TimeUnit.SECONDS);
      assertThat(r).as(SyncCalls.body(r)).hasStatusOk();
      assertThat((List<?>) SyncCalls.read(r, "$.rejected")).isEmpty();
      accepted += (Integer) SyncCalls.read(r, "$.accepted");
    }
    pool.shutdown();

    int applied = 0;
    for (String no : members) {
      assertThat(
              jdbc.sql("select mobile || '/' || sync_version from member where member_no = :no")
                  .param("no", no)
                  .query(String.class)
                  .single())
          .isEqualTo(mobile(versions) + "/" + versions);
      List<String> changes =
          jdbc.sql(
                  "select h.new_value || ' ' || h.changed_by from member_history h join member m"
                      + " on m.id = h.member_id where m.member_no = :no and h.field = 'mobile'"
                      + " order by h.id")
              .param("no", no)
              .query(String.class)
              .list();
      // each applied event once, versions strictly rising
      assertThat(changes).doesNotHaveDuplicates();
      List<String> byEvent = changes.stream().map(c -> c.substring(c.indexOf(' ') + 1)).toList();
      assertThat(byEvent).doesNotHaveDuplicates();
      int last = 0;
      for (String c : changes) {
        int v = Integer.parseInt(c.substring(3, 11));
        assertThat(v).isGreaterThan(last);
        last = v;
      }
      assertThat(last).isEqualTo(versions);
      applied += changes.size();
    }
    assertThat(applied).isEqualTo(accepted);
  }

  private static String event(String memberNo, int version) {
    return SyncCalls.memberUpsert(
        "conc-" + memberNo + "-" + version,
        version,
        memberNo,
        memberNo.substring(0, 8),
        mobile(version));
  }

  private static String mobile(int version) {
    return "139" + String.format("%08d", version);
  }
}
