package org.cmis.credits.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.Role;
import org.cmis.shared.upload.Upload;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestFirms;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same claim approved from several staff sessions at once: one approval wins, the others find
 * it decided (INVALID_STATE), and the ledger holds exactly one entry for it.
 */
@IntegrationTest
class ClaimConcurrencyTest {

  @Autowired Claims claims;
  @Autowired TestFirms firms;
  @Autowired JdbcClient jdbc;

  static final CurrentUser STAFF =
      new CurrentUser(-1, Role.STAFF, "sz-staff", "深圳市注册会计师协会", "SZ", null, null);
  static final CurrentUser STAFF_TOO =
      new CurrentUser(-2, Role.STAFF, "sz-staff-2", "深圳市注册会计师协会", "SZ", null, null);

  @RepeatedTest(3)
  void oneApprovalWinsAndOneEntryIsPosted() throws Exception {
    TestFirms.Firm f = firms.aFirm().withCpas(1).create();
    CurrentUser member = f.member(1);
    LocalDate today = claims.today();
    Claim c =
        claims.create(
            member,
            new ClaimInput("RESEARCH", "并发审核课题", today.toString(), "", "", null, "1", "10"),
            List.of(new Upload("a.png", ClaimApi.png().length, ClaimApi.png())),
            "127.0.0.1");
    claims.submit(member, c.id(), "127.0.0.1");

    int threads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> outcomes = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      CurrentUser who = i % 2 == 0 ? STAFF : STAFF_TOO;
      boolean partial = i % 3 == 0;
      outcomes.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  Claim done =
                      partial
                          ? claims.approve(who, c.id(), "5", "部分", "127.0.0.1")
                          : claims.approve(who, c.id(), null, null, "127.0.0.1");
                  return done.status().name();
                } catch (CmisException e) {
                  return e.code().name();
                }
              }));
    }
    start.countDown();
    List<String> results = new ArrayList<>();
    for (Future<String> o : outcomes) {
      results.add(o.get());
    }
    pool.shutdown();
    long won = results.stream().filter(r -> r.equals("APPROVED") || r.equals("PARTIAL")).count();
    assertThat(won).as(results.toString()).isEqualTo(1);
    assertThat(results)
        .filteredOn(r -> !r.equals("APPROVED") && !r.equals("PARTIAL"))
        .allMatch(r -> r.equals(ErrorCode.INVALID_STATE.name()) || r.equals(ErrorCode.BUSY.name()));
    assertThat(
            jdbc.sql("select count(*) from hour_entry where source = 'CLAIM' and source_id = :id")
                .param("id", c.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    Claim after = claims.get(STAFF, c.id());
    assertThat(after.entryId()).isNotNull();
    assertThat(
            jdbc.sql("select hours from hour_entry where id = :id")
                .param("id", after.entryId())
                .query(java.math.BigDecimal.class)
                .single())
        .isEqualByComparingTo(after.hoursGranted());
  }

  @RepeatedTest(3)
  void twoSubmissionsAtOnceNeverPassTheYearlyCap() throws Exception {
    TestFirms.Firm f = firms.aFirm().withCpas(1).create();
    CurrentUser member = f.member(1);
    String today = claims.today().toString();
    // OTHER: at most 8 a claim, 8 a year; two claims of 6 hours, only one fits
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      ids.add(
          claims
              .create(
                  member,
                  new ClaimInput("OTHER", "竞赛评委 " + i, today, "", "", null, "1", "6"),
                  List.of(new Upload("a.png", ClaimApi.png().length, ClaimApi.png())),
                  "127.0.0.1")
              .id());
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> outcomes = new ArrayList<>();
    for (long id : ids) {
      outcomes.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  return claims.submit(member, id, "127.0.0.1").status().name();
                } catch (CmisException e) {
                  return e.code().name();
                }
              }));
    }
    start.countDown();
    List<String> results = new ArrayList<>();
    for (Future<String> o : outcomes) {
      results.add(o.get());
    }
    pool.shutdown();
    assertThat(results).containsExactlyInAnyOrder("PENDING", "CLAIM_CAP_REACHED");
  }
}
