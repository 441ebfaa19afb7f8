package org.cmis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cmis.identity.account.Account;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Idempotency-Key of API POSTs (API.md, Conventions) on a test-only controller. */
@IntegrationTest
@Import(IdempotencyTest.ThingsController.class)
class IdempotencyTest {

  static final String THINGS = "/api/v1/test-idempotency/things";
  static final String OTHER_THINGS = "/api/v1/test-idempotency/other-things";
  static final String CONFLICTS = "/api/v1/test-idempotency/conflicts";

  @Autowired MockMvcTester mvc;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired IdempotencyFilter filter;

  private String token;

  @BeforeEach
  void signIn() {
    token = ApiTokens.demo(mvc, "STAFF", "sz-staff");
  }

  /**
   * Creates a "thing" per call (counted by its name), held at the gate when {@code hold}; the first
   * {@code failTimes} calls of a name are refused with 409 instead.
   */
  @RestController
  @RequestMapping("/api/v1/test-idempotency")
  static class ThingsController {

    static final AtomicLong ids = new AtomicLong();
    static final Map<String, AtomicInteger> created = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    static volatile CountDownLatch gate = new CountDownLatch(0);

    static int created(String name) {
      return created.computeIfAbsent(name, n -> new AtomicInteger()).get();
    }

    static int attempts(String name) {
      return attempts.computeIfAbsent(name, n -> new AtomicInteger()).get();
    }

    @PostMapping({"/things", "/other-things"})
    ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> body)
        throws InterruptedException {
      String name = (String) body.get("name");
      int attempt = attempts.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
      if (Boolean.TRUE.equals(body.get("hold"))) {
        // Stays in progress until the test opens the gate, so the repeats meet an unfinished first.
        gate.await(30, TimeUnit.SECONDS);
      }
      Number failTimes = (Number) body.getOrDefault("failTimes", 0);
      if (attempt <= failTimes.intValue()) {
        throw new CmisException(ErrorCode.INVALID_STATE, "error.INVALID_STATE");
      }
      created.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
      long id = ids.incrementAndGet();
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("id", id);
      answer.put("name", name);
      return ResponseEntity.created(URI.create("/api/v1/test-idempotency/things/" + id))
          .body(answer);
    }

    @PostMapping("/conflicts")
    ResponseEntity<Map<String, Object>> conflict(@RequestBody Map<String, Object> body) {
      attempts
          .computeIfAbsent((String) body.get("name"), n -> new AtomicInteger())
          .incrementAndGet();
      throw new CmisException(ErrorCode.INVALID_STATE, "error.INVALID_STATE");
    }
  }

  private MvcTestResult post(String path, @Nullable String key, String body) {
    return post(token, path, key, body);
  }

  private MvcTestResult post(String bearer, String path, @Nullable String key, String body) {
    MockMvcRequestBuilder request =
        mvc.post()
            .uri(path)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body);
    if (key != null) {
      request = request.header(IdempotencyFilter.HEADER, key);
    }
    return request.exchange();
  }

  private static String name() {
    return "thing-" + UUID.randomUUID();
  }

  private static String key() {
    return "key-" + UUID.randomUUID();
  }

  private static String body(String name) {
    return "{\"name\":\"" + name + "\"}";
  }

  private static void assertSameAnswer(MvcTestResult replay, MvcTestResult first) {
    assertThat(replay.getResponse().getStatus()).isEqualTo(first.getResponse().getStatus());
    assertThat(replay.getResponse().getContentAsByteArray())
        .isEqualTo(first.getResponse().getContentAsByteArray());
    assertThat(replay.getResponse().getHeader(HttpHeaders.LOCATION))
        .isEqualTo(first.getResponse().getHeader(HttpHeaders.LOCATION));
    assertThat(MediaType.parseMediaType(replay.getResponse().getContentType()))
        .isEqualTo(MediaType.parseMediaType(first.getResponse().getContentType()));
  }

  @Test
  void theSameKeyAndBodyAnswerTheFirstAnswerAgainAndCreateNothingNew() {
    String name = name();
    String key = key();
    MvcTestResult first = post(THINGS, key, body(name));
    assertThat(first).hasStatus(201).headers().containsHeader(HttpHeaders.LOCATION);
    assertThat(first).bodyJson().extractingPath("$.name").isEqualTo(name);
    assertThat(first).headers().doesNotContainHeader(IdempotencyFilter.REPLAYED_HEADER);

    MvcTestResult again = post(THINGS, key, body(name));
    assertThat(again).hasStatus(201).headers().hasValue(IdempotencyFilter.REPLAYED_HEADER, "true");
    assertSameAnswer(again, first);
    assertThat(ThingsController.created(name)).isEqualTo(1);
    assertThat(ThingsController.attempts(name)).isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefused() {
    String name = name();
    String key = key();
    assertThat(post(THINGS, key, body(name))).hasStatus(201);
    assertThat(post(THINGS, key, body(name + "-changed")))
        .hasStatus(422)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(ThingsController.created(name)).isEqualTo(1);
    assertThat(ThingsController.attempts(name + "-changed")).isZero();
  }

  @Test
  void theSameKeyOnAnotherPathIsRefused() {
    String name = name();
    String key = key();
    assertThat(post(THINGS, key, body(name))).hasStatus(201);
    assertThat(post(OTHER_THINGS, key, body(name)))
        .hasStatus(422)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(post(THINGS + "?copy=true", key, body(name))).hasStatus(422);
    assertThat(ThingsController.attempts(name)).isEqualTo(1);
  }

  @Test
  void withoutAKeyEveryPostCreates() {
    String name = name();
    MvcTestResult first = post(THINGS, null, body(name));
    MvcTestResult second = post(THINGS, null, body(name));
    assertThat(first).hasStatus(201);
    assertThat(second).hasStatus(201).headers().doesNotContainHeader("Idempotency-Replayed");
    assertThat(second.getResponse().getHeader(HttpHeaders.LOCATION))
        .isNotEqualTo(first.getResponse().getHeader(HttpHeaders.LOCATION));
    assertThat(ThingsController.created(name)).isEqualTo(2);
  }

  @Test
  void errorAnswersAreNotKept() {
    String name = name();
    String key = key();
    assertThat(post(CONFLICTS, key, body(name))).hasStatus(409);
    assertThat(post(CONFLICTS, key, body(name)))
        .hasStatus(409)
        .headers()
        .doesNotContainHeader(IdempotencyFilter.REPLAYED_HEADER);
    assertThat(ThingsController.attempts(name)).isEqualTo(2);
    assertThat(
            jdbc.sql("select count(*) from idempotency_record where idem_key = ?")
                .param(key)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aRetryAfterAnErrorRunsAgainAndItsSuccessIsKept() {
    String name = name();
    String key = key();
    String body = "{\"name\":\"" + name + "\",\"failTimes\":1}";
    assertThat(post(THINGS, key, body))
        .hasStatus(409)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("INVALID_STATE");
    MvcTestResult retried = post(THINGS, key, body);
    assertThat(retried).hasStatus(201).headers().doesNotContainHeader("Idempotency-Replayed");
    MvcTestResult replayed = post(THINGS, key, body);
    assertThat(replayed).headers().hasValue(IdempotencyFilter.REPLAYED_HEADER, "true");
    assertSameAnswer(replayed, retried);
    assertThat(ThingsController.attempts(name)).isEqualTo(2);
    assertThat(ThingsController.created(name)).isEqualTo(1);
  }

  @Test
  void twentyConcurrentRepeatsCreateOnceAndAllAnswerTheSame() throws Exception {
    String name = name();
    String key = key();
    String body = "{\"name\":\"" + name + "\",\"hold\":true}";
    ThingsController.gate = new CountDownLatch(1);
    int threads = 20;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<MvcTestResult>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return post(THINGS, key, body);
                }));
      }
      assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      await().atMost(Duration.ofSeconds(20)).until(() -> ThingsController.attempts(name) == 1);
      ThingsController.gate.countDown();
      List<MvcTestResult> results = new ArrayList<>();
      for (Future<MvcTestResult> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }

      assertThat(ThingsController.created(name)).isEqualTo(1);
      assertThat(ThingsController.attempts(name)).isEqualTo(1);
      MvcTestResult first = results.get(0);
      assertThat(first).hasStatus(201);
      for (MvcTestResult result : results) {
        assertSameAnswer(result, first);
      }
      assertThat(
              results.stream()
                  .filter(r -> r.getResponse().getHeader(IdempotencyFilter.REPLAYED_HEADER) == null)
                  .count())
          .as("one ran, the others were answered again")
          .isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoCallersWithTheSameKeyAreIndependent() {
    Account other = accounts.staff(false);
    String otherToken = ApiTokens.of(mvc, "STAFF", other.account(), TestAccounts.PASSWORD);
    String name = name();
    String key = key();
    MvcTestResult mine = post(token, THINGS, key, body(name));
    MvcTestResult theirs = post(otherToken, THINGS, key, body(name));
    assertThat(mine).hasStatus(201);
    assertThat(theirs).hasStatus(201).headers().doesNotContainHeader("Idempotency-Replayed");
    assertThat(theirs.getResponse().getHeader(HttpHeaders.LOCATION))
        .isNotEqualTo(mine.getResponse().getHeader(HttpHeaders.LOCATION));
    assertThat(ThingsController.created(name)).isEqualTo(2);
    // Each caller's repeat answers that caller's own first answer.
    assertSameAnswer(post(token, THINGS, key, body(name)), mine);
    assertSameAnswer(post(otherToken, THINGS, key, body(name)), theirs);
    assertThat(ThingsController.created(name)).isEqualTo(2);
  }

  @Test
  void malformedKeysAreRefused() {
    String name = name();
    assertThat(post(THINGS, "k".repeat(201), body(name)))
        .hasStatus(400)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("MALFORMED_REQUEST");
    assertThat(post(THINGS, "", body(name))).hasStatus(400);
    assertThat(post(THINGS, "schlüssel", body(name))).hasStatus(400);
    assertThat(post(THINGS, "tab\tkey", body(name))).hasStatus(400);
    assertThat(ThingsController.attempts(name)).isZero();
    assertThat(post(THINGS, "k".repeat(200), body(name))).hasStatus(201);
  }

  @Test
  void anAnswerOlderThanADayIsForgotten() throws Exception {
    Account caller = accounts.staff(false);
    String callerToken = ApiTokens.of(mvc, "STAFF", caller.account(), TestAccounts.PASSWORD);
    String name = name();
    String key = key();
    // Another body a day ago: no longer a reuse of the key.
    jdbc.sql(
            """
            insert into idempotency_record
                (caller, idem_key, method, path, body_hash, status, content_type, response_body,
                 created_at)
            values (?, ?, 'POST', ?, ?, 201, 'application/json', ?, now() - interval '25 hours')
            """)
        .params(
            CurrentUser.principalName(caller.id()),
            key,
            THINGS,
            sha256("{}"),
            "{}".getBytes(StandardCharsets.UTF_8))
        .update();
    assertThat(post(callerToken, THINGS, key, body(name)))
        .hasStatus(201)
        .headers()
        .doesNotContainHeader(IdempotencyFilter.REPLAYED_HEADER);
    assertThat(ThingsController.created(name)).isEqualTo(1);
  }

  @Test
  void aStaleClaimIsTakenOver() throws Exception {
    Account caller = accounts.staff(false);
    String callerToken = ApiTokens.of(mvc, "STAFF", caller.account(), TestAccounts.PASSWORD);
    String name = name();
    String key = key();
    // A first request that never finished three minutes ago (its server died).
    jdbc.sql(
            """
            insert into idempotency_record (caller, idem_key, method, path, body_hash, created_at)
            values (?, ?, 'POST', ?, ?, now() - interval '3 minutes')
            """)
        .params(CurrentUser.principalName(caller.id()), key, THINGS, sha256(body(name)))
        .update();
    MvcTestResult first = post(callerToken, THINGS, key, body(name));
    assertThat(first).hasStatus(201).headers().doesNotContainHeader("Idempotency-Replayed");
    assertSameAnswer(post(callerToken, THINGS, key, body(name)), first);
    assertThat(ThingsController.created(name)).isEqualTo(1);
  }

  @Test
  void thePurgeForgetsAnswersOlderThanADay() {
    String old = key();
    String recent = key();
    jdbc.sql(
            """
            insert into idempotency_record (caller, idem_key, method, path, body_hash, created_at)
            values ('account:0', ?, 'POST', '/api/v1/x', ?, now() - interval '25 hours'),
                   ('account:0', ?, 'POST', '/api/v1/x', ?, now() - interval '23 hours')
            """)
        .params(old, sha256("a"), recent, sha256("b"))
        .update();
    filter.purgeExpired();
    assertThat(
            jdbc.sql("select idem_key from idempotency_record where caller = 'account:0'")
                .query(String.class)
                .list())
        .contains(recent)
        .doesNotContain(old);
  }

  @Test
  void theFilterRunsAfterSpringSecurity(
      @Autowired @Qualifier("idempotencyFilterRegistration") FilterRegistrationBean<?> idempotency,
      @Autowired @Qualifier("securityFilterChainRegistration")
          DelegatingFilterProxyRegistrationBean security) {
    assertThat(idempotency.getOrder()).isGreaterThan(security.getOrder());
    assertThat(idempotency.getUrlPatterns()).containsExactly("/api/*");
  }

  private static String sha256(String text) throws RuntimeException {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
