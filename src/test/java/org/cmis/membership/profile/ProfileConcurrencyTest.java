package org.cmis.membership.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestFirms;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Many PATCHes of one member at once (F2.3): half change its mobile, half its email. Each applies
 * whole under the member's row lock: the final values are one of those sent, no change of one field
 * undoes one of the other, and each field's history is a chain (each row's old value is the
 * previous row's new one) with one row per change.
 */
@IntegrationTest
class ProfileConcurrencyTest {

  private static final int THREADS = 16;

  @Autowired MockMvcTester mvc;
  @Autowired TestFirms firms;
  @Autowired JdbcClient jdbc;

  record Row(String field, String from, String to) {}

  @Test
  void concurrentChangesKeepOneValueAndAConsistentHistoryChain() throws Exception {
    TestFirms.Firm firm = ProfileFixtures.firm(firms, jdbc, "BJ");
    String no = firm.memberNo(2);
    String token = ApiTokens.of(mvc, "MEMBER", no, TestFirms.PASSWORD);
    String mobile0 = firm.cpa(2).mobile();
    String email0 = firm.cpa(2).email();
    List<String> mobiles = new ArrayList<>();
    List<String> emails = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      boolean mobile = i % 2 == 0;
      String value = mobile ? "1580000%04d".formatted(i) : "race" + i + "@example.com";
      (mobile ? mobiles : emails).add(value);
      done.add(
          pool.submit(
              () -> {
                start.await();
                MvcTestResult r =
                    mvc.patch()
                        .uri("/api/v1/members/" + no)
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            mobile
                                ? "{\"mobile\": \"" + value + "\"}"
                                : "{\"email\": \"" + value + "\"}")
                        .exchange();
                assertThat(r).hasStatusOk();
                return r;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    record Now(String mobile, String email) {}
    Now now =
        jdbc.sql("select mobile, email from member where member_no = :no")
            .param("no", no)
            .query(Now.class)
            .single();
    assertThat(now.mobile()).isIn(mobiles);
    assertThat(now.email()).isIn(emails);

    List<Row> rows =
        jdbc.sql(
                "select h.field, h.old_value as \"from\", h.new_value as \"to\" from member_history h"
                    + " join member m on m.id = h.member_id where m.member_no = :no order by h.id")
            .param("no", no)
            .query(Row.class)
            .list();
    assertThat(rows).hasSize(THREADS);
    chain(rows, "mobile", mobile0, mobiles, now.mobile());
    chain(rows, "email", email0, emails, now.email());
  }

  private static void chain(
      List<Row> rows, String field, String first, List<String> sent, String last) {
    List<Row> mine = rows.stream().filter(r -> r.field().equals(field)).toList();
    assertThat(mine).hasSize(sent.size());
    String previous = first;
    for (Row r : mine) {
      assertThat(r.from()).as(field + " chain").isEqualTo(previous);
      previous = r.to();
    }
    assertThat(previous).isEqualTo(last);
    assertThat(mine.stream().map(Row::to)).containsExactlyInAnyOrderElementsOf(sent);
  }
}
