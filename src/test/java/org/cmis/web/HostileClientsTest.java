package org.cmis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmis.shared.web.ContentSecurityPolicy;
import org.cmis.support.TestClasses;
import org.cmis.training.catalog.TrainingClass;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 10 against the running container (Tomcat's own paths matter here, so not MockMvc): slow and
 * oversized bodies, number bombs, strict JSON, bad input that answered 500 and the container's own
 * answers (ADR 0011). Short body timeouts keep it fast.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"cmis.http.body-timeout=2s", "cmis.http.read-timeout=1s"})
@ActiveProfiles("test")
class HostileClientsTest {

  private static final Duration BODY_TIMEOUT = Duration.ofSeconds(2);
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TestClasses classes;

  private RawHttp raw;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void setUp() {
    raw = new RawHttp(port);
  }

  // ---- 1. slow bodies

  @Test
  void slowBodiesHoldNoWorkerAndAreClosedWithinTheBodyTimeout() throws Exception {
    String token = token("STAFF", "sz-staff");
    Page staff = signIn("STAFF", "sz-staff");
    // the measured requests below are not the first of their kind
    assertThat(http.send(membersRequest(token), BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);
    assertThat(staff.get("/").statusCode()).isEqualTo(200);
    List<Socket> slow = new ArrayList<>();
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    ExecutorService readers = Executors.newFixedThreadPool(100);
    Map<Integer, Integer> answered = new ConcurrentHashMap<>();
    AtomicInteger closed = new AtomicInteger();
    try {
      for (int i = 0; i < 100; i++) {
        Socket socket = raw.open();
        socket
            .getOutputStream()
            .write(
                ("POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
        slow.add(socket);
      }
      long opened = System.nanoTime();
      // one byte each every 300 ms: never a pause the read timeout (1 s) would end
      trickle.scheduleAtFixedRate(
          () -> {
            for (Socket socket : slow) {
              try {
                socket.getOutputStream().write(' ');
              } catch (IOException e) {
                // closed by the server
              }
            }
          },
          300,
          300,
          TimeUnit.MILLISECONDS);
      for (int i = 0; i < slow.size(); i++) {
        int n = i;
        Socket socket = slow.get(i);
        readers.submit(
            () -> {
              try {
                answered.put(n, RawHttp.read(socket.getInputStream()).status());
                while (socket.getInputStream().read() >= 0) {
                  // until the server closes
                }
              } catch (IOException e) {
                // reset by the server
              }
              closed.incrementAndGet();
              return null;
            });
      }

      long start = System.nanoTime();
      HttpResponse<String> api = http.send(membersRequest(token), BodyHandlers.ofString());
      assertThat(api.statusCode()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
      start = System.nanoTime();
      HttpResponse<String> page = staff.get("/");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
      assertThat(Duration.ofNanos(System.nanoTime() - opened))
          .as("both answered while the slow bodies were open")
          .isLessThan(BODY_TIMEOUT);

      await()
          .atMost(BODY_TIMEOUT.plusSeconds(3))
          .untilAsserted(() -> assertThat(closed.get()).isEqualTo(100));
      assertThat(answered.values()).containsOnly(408);
    } finally {
      trickle.shutdownNow();
      readers.shutdownNow();
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  @Test
  void slowUploadsHoldAtMostTheirShareOfWorkersAndTheRestAreBusy() throws Exception {
    String token = token("STAFF", "sz-staff");
    Page staff = signIn("STAFF", "sz-staff");
    assertThat(http.send(membersRequest(token), BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);
    int uploads = 8; // cmis.http.max-concurrent-uploads
    List<Socket> slow = new ArrayList<>();
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    ExecutorService readers = Executors.newFixedThreadPool(uploads + 12);
    Map<Integer, Integer> answered = new ConcurrentHashMap<>();
    try {
      for (int i = 0; i < uploads + 12; i++) {
        Socket socket = raw.open();
        socket
            .getOutputStream()
            .write(
                ("POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: multipart/form-data; boundary=b\r\n"
                        + "Content-Length: 100000\r\n\r\n--b\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        slow.add(socket);
        int n = i;
        readers.submit(
            () -> {
              try {
                answered.put(n, RawHttp.read(socket.getInputStream()).status());
              } catch (IOException e) {
                // closed
              }
              return null;
            });
      }
      // a byte each every 300 ms: never a pause the read timeout (1 s) would end
      trickle.scheduleAtFixedRate(
          () -> {
            for (Socket socket : slow) {
              try {
                socket.getOutputStream().write('x');
              } catch (IOException e) {
                // closed by the server
              }
            }
          },
          300,
          300,
          TimeUnit.MILLISECONDS);
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(answered).hasSize(12));
      assertThat(answered.values()).containsOnly(503);

      long start = System.nanoTime();
      assertThat(http.send(membersRequest(token), BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
      start = System.nanoTime();
      assertThat(staff.get("/").statusCode()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    } finally {
      trickle.shutdownNow();
      readers.shutdownNow();
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  private HttpRequest membersRequest(String token) {
    return HttpRequest.newBuilder(uri("/api/v1/members?size=1"))
        .header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(5))
        .build();
  }

  // ---- 2. one body limit, counted as read

  @Test
  void chunkedBodiesOverTheLimitAreRefusedAsReadAndTheHeapStaysFlat() throws Exception {
    long before = usedHeapAfterGc();
    ExecutorService senders = Executors.newFixedThreadPool(6);
    try {
      List<Future<Long>> sent = new ArrayList<>();
      List<Future<RawHttp.Answer>> answers = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Socket socket = raw.open();
        socket
            .getOutputStream()
            .write(
                ("POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        sent.add(senders.submit(() -> sendChunks(socket.getOutputStream(), 20 * 1024 * 1024)));
        answers.add(senders.submit(() -> RawHttp.read(socket.getInputStream())));
      }
      for (int i = 0; i < 3; i++) {
        RawHttp.Answer answer = answers.get(i).get(30, TimeUnit.SECONDS);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat((String) JsonPath.read(answer.body(), "$.code")).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(sent.get(i).get(30, TimeUnit.SECONDS))
            .as("the server stopped reading soon after the limit")
            .isLessThan(12L * 1024 * 1024);
      }
    } finally {
      senders.shutdownNow();
    }
    assertThat(usedHeapAfterGc() - before).isLessThan(32L * 1024 * 1024);
    // a form body too, and one with a length
    assertThat(
            raw.announce(
                    "POST",
                    "/login",
                    Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    2 * 1024 * 1024)
                .status())
        .isEqualTo(413);
  }

  /** Chunks of 64 KB up to the size or until the server closes; answers the bytes sent. */
  private static long sendChunks(OutputStream out, long size) {
    byte[] data = new byte[64 * 1024];
    java.util.Arrays.fill(data, (byte) ' ');
    byte[] head = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    long sent = 0;
    try {
      while (sent < size) {
        out.write(head);
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        sent += data.length;
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } catch (IOException e) {
      // the server closed the connection
    }
    return sent;
  }

  private static long usedHeapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  // ---- 2b. bodies cut by the connection (ADR 0040)

  @Test
  void aBodyCutByTheConnectionIsNeverAnsweredMalformed() throws Exception {
    for (String part : List.of("", "{\"acc")) {
      try (Socket socket = raw.open()) {
        socket
            .getOutputStream()
            .write(
                ("POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 50\r\n\r\n"
                        + part)
                    .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        socket.shutdownOutput(); // the body ends short: the connection is cut
        Integer status;
        try {
          status = RawHttp.read(socket.getInputStream()).status();
        } catch (IOException e) {
          status = null; // closed without an answer
        }
        assertThat(status == null ? "closed without an answer" : "answered " + status)
            .as("a cut body of %d bytes", part.length())
            .isNotEqualTo("answered 400");
      }
    }
    // and a whole body on the same server still works
    assertThat(token("STAFF", "sz-staff")).isNotBlank();
  }

  // ---- 3. number bombs

  @Test
  void aNumberBombIsRefusedAtOnceThroughTheApiAndTheForm() throws Exception {
    String token = token("STAFF", "sz-staff");
    TrainingClass c = classes.open(5, 10, false, false);
    // warm up the path
    api("PATCH", "/api/v1/classes/" + c.id(), token, "{\"hours\": \"x\"}");
    long start = System.nanoTime();
    HttpResponse<String> bomb =
        api("PATCH", "/api/v1/classes/" + c.id(), token, "{\"hours\": 1e200000}");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(bomb.statusCode()).isEqualTo(400);
    assertThat((String) JsonPath.read(bomb.body(), "$.code")).isEqualTo("MALFORMED_REQUEST");
    assertThat((String) JsonPath.read(bomb.body(), "$.errors[0].field")).isEqualTo("hours");
    // a parse of 10^200000 takes many seconds; one second leaves room for a loaded CI machine
    assertThat(took).isLessThan(Duration.ofSeconds(1));
    assertThat(
            api("POST", "/api/v1/classes", token, "{\"hours\": 1" + "0".repeat(200) + "}")
                .statusCode())
        .as("a number over 100 characters")
        .isEqualTo(400);

    Page staff = signIn("STAFF", "sz-staff");
    assertThat(staff.post("/manage/classes/new", "name=no-token").statusCode())
        .as("a form read ahead still passes the CSRF check")
        .isEqualTo(403);
    String csrf = staff.csrf("/manage/classes/new");
    start = System.nanoTime();
    HttpResponse<String> form =
        staff.post(
            "/manage/classes/new",
            "_csrf=" + csrf + "&name=bomb&hours=1e200000&ethicsHours=1E-100000&fee=0x10");
    took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(form.statusCode()).isLessThan(500);
    assertThat(form.body()).contains("data-test=\"error-hours\"");
    assertThat(took).isLessThan(Duration.ofMillis(1000));
  }

  // ---- 6. bad input that answered 500

  @Test
  void badInputIsAClientErrorNeverA500() throws Exception {
    String token = token("STAFF", "sz-staff");
    RawHttp.Answer query =
        raw.get("/api/v1/members?name=%FF", Map.of("Authorization", "Bearer " + token));
    assertThat(query.status()).isEqualTo(400);
    assertProblem(query, "MALFORMED_REQUEST");
    RawHttp.Answer login = raw.get("/login?name=%FF", Map.of());
    assertThat(login.status()).isEqualTo(400);
    assertPage(login);
    Page staff = signIn("STAFF", "sz-staff");
    assertThat(staff.get("/classes?name=%FF").statusCode()).isEqualTo(400);

    for (String endpoint : List.of("/api/v1/auth/token", "/api/v1/classes")) {
      RawHttp.Answer wildcard =
          raw.send(
              "POST",
              endpoint,
              Map.of("Content-Type", "*/*", "Authorization", "Bearer " + token),
              "{}".getBytes(StandardCharsets.UTF_8));
      assertThat(wildcard.status()).isEqualTo(415);
      assertProblem(wildcard, "UNSUPPORTED_MEDIA_TYPE");
    }

    TrainingClass cancelled = classes.open(5, 10, false, false);
    RawHttp.Answer noBody =
        raw.send(
            "POST",
            "/api/v1/classes/" + cancelled.id() + "/cancel",
            Map.of("Content-Type", "*/*", "Authorization", "Bearer " + token),
            new byte[0]);
    assertThat(noBody.status()).isEqualTo(415);
    assertProblem(noBody, "UNSUPPORTED_MEDIA_TYPE");
    RawHttp.Answer nulQuery =
        raw.get("/api/v1/members?name=%00", Map.of("Authorization", "Bearer " + token));
    assertThat(nulQuery.status()).isEqualTo(400);
    assertProblem(nulQuery, "MALFORMED_REQUEST");
    RawHttp.Answer nulForm =
        raw.send(
            "POST",
            "/login",
            Map.of("Content-Type", "application/x-www-form-urlencoded"),
            "account=%00&password=x".getBytes(StandardCharsets.US_ASCII));
    assertThat(nulForm.status()).isEqualTo(400);
    assertPage(nulForm);
    RawHttp.Answer badForm =
        raw.send(
            "POST",
            "/login",
            Map.of("Content-Type", "application/x-www-form-urlencoded"),
            "account=%FF&password=%E4".getBytes(StandardCharsets.US_ASCII));
    assertThat(badForm.status()).isEqualTo(400);
    RawHttp.Answer badQueryUpload =
        raw.send(
            "POST",
            "/manage/notices/new?x=%FF",
            Map.of("Content-Type", "multipart/form-data; boundary=b"),
            "--b--\r\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(badQueryUpload.status()).isEqualTo(400);

    HttpResponse<String> nullFirm =
        api("POST", "/api/v1/classes", token, "{\"name\": \"x\", \"restrictedFirms\": [null]}");
    assertThat(nullFirm.statusCode()).isEqualTo(400);
    assertThat((String) JsonPath.read(nullFirm.body(), "$.errors[0].field"))
        .isEqualTo("restrictedFirms[0]");
    TrainingClass c = classes.open(5, 10, false, false);
    HttpResponse<String> nullId =
        api(
            "POST",
            "/api/v1/classes/" + c.id() + "/registrations/confirm",
            token,
            "{\"registrationIds\": [null]}");
    assertThat(nullId.statusCode()).isEqualTo(400);
    assertThat((String) JsonPath.read(nullId.body(), "$.errors[0].field"))
        .isEqualTo("registrationIds[0]");

    // a 6 MB notice attachment: the form says the file is too big
    String csrf = staff.csrf("/manage/notices/new");
    String boundary = "cmis" + System.nanoTime();
    byte[] file = new byte[6 * 1024 * 1024];
    HttpResponse<String> notice =
        staff.multipart(
            "/manage/notices/new",
            boundary,
            multipart(
                boundary,
                Map.of(
                    "_csrf", csrf,
                    "title", "大附件",
                    "body", "正文",
                    "publishDate", "2026-01-01"),
                "attachments",
                "big.pdf",
                file));
    assertThat(notice.statusCode()).isLessThan(500).isNotEqualTo(413);
    assertThat(notice.body()).contains("附件不能超过 5 MB");
    // and a body of that size to the API
    RawHttp.Answer big =
        raw.announce(
            "POST",
            "/api/v1/classes",
            Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token),
            6 * 1024 * 1024);
    assertThat(big.status()).isEqualTo(413);
    assertProblem(big, "PAYLOAD_TOO_LARGE");

    RawHttp.Answer error = raw.get("/error", Map.of());
    assertThat(error.status()).isEqualTo(404);
    assertPage(error);
  }

  @Test
  void anIdempotentPostRepeatedOverTheContainerAnswersTheFirstAndCreatesNothing() throws Exception {
    // the body comes from PayloadLimitFilter's buffer, not from a second read of the stream
    TrainingClass c = classes.open(5, 10, false, false);
    String token = token("MEMBER", "440300200050");
    HttpRequest post =
        HttpRequest.newBuilder(uri("/api/v1/classes/" + c.id() + "/registrations"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", "container-" + System.nanoTime())
            .POST(BodyPublishers.ofString("{\"waitlist\": false}"))
            .build();
    HttpResponse<String> first = http.send(post, BodyHandlers.ofString());
    HttpResponse<String> again = http.send(post, BodyHandlers.ofString());
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(
            jdbc.sql("select count(*) from registration where class_id = :c")
                .param("c", c.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  // ---- 8. strict JSON

  @Test
  void noCoercionOfScalarsAndNothingChanges() throws Exception {
    String staff = token("STAFF", "sz-staff");
    TrainingClass c = classes.open(5, 10, false, false);
    String member = token("MEMBER", "440300010001");
    HttpResponse<String> registered =
        api("POST", "/api/v1/classes/" + c.id() + "/registrations", member, "{}");
    assertThat(registered.statusCode()).isEqualTo(201);
    long registration = ((Number) JsonPath.read(registered.body(), "$.id")).longValue();

    for (String[] bad :
        new String[][] {
          {"POST", "/api/v1/classes/" + c.id() + "/registrations/confirm", "{\"upToCapacity\": 1}"},
          {
            "POST",
            "/api/v1/classes/" + c.id() + "/registrations/confirm",
            "{\"upToCapacity\": \"true\"}"
          },
          {"PATCH", "/api/v1/classes/" + c.id(), "{\"capacity\": 1.5}"},
          {"PATCH", "/api/v1/classes/" + c.id(), "{\"capacity\": \"6\"}"},
          {"PATCH", "/api/v1/classes/" + c.id(), "{\"name\": 123}"},
          {"PATCH", "/api/v1/classes/" + c.id(), "{\"waitlistEnabled\": 1}"},
          {"POST", "/api/v1/registrations/" + registration + "/reject", "{\"reason\": 123}"},
          {"POST", "/api/v1/registrations/" + registration + "/reject", "{\"reason\": true}"}
        }) {
      HttpResponse<String> answer = api(bad[0], bad[1], staff, bad[2]);
      assertThat(answer.statusCode()).as(bad[2]).isEqualTo(400);
      assertThat((String) JsonPath.read(answer.body(), "$.code")).isEqualTo("MALFORMED_REQUEST");
    }
    for (String[] text :
        new String[][] {
          {"{\"name\": \"a\\u0000b\"}", "name"},
          {"{\"name\": \"a\\ud800b\"}", "name"},
          {"{\"teachers\": \"\\udc00\"}", "teachers"}
        }) {
      HttpResponse<String> answer = api("PATCH", "/api/v1/classes/" + c.id(), staff, text[0]);
      assertThat(answer.statusCode()).as(text[0]).isEqualTo(422);
      assertThat((String) JsonPath.read(answer.body(), "$.code")).isEqualTo("VALIDATION_FAILED");
      assertThat((String) JsonPath.read(answer.body(), "$.errors[0].field")).isEqualTo(text[1]);
    }
    HttpResponse<String> nul =
        api(
            "POST",
            "/api/v1/registrations/" + registration + "/reject",
            staff,
            "{\"reason\": \"\\u0000\"}");
    assertThat(nul.statusCode()).isEqualTo(422);

    for (String id : List.of("0x1", "+1", "%2B1", "1e0", "#1")) {
      assertThat(api("GET", "/api/v1/classes/" + id.replace("#", "%23"), staff, null).statusCode())
          .as(id)
          .isEqualTo(400);
    }
    assertThat(api("GET", "/api/v1/classes?page=0x1", staff, null).statusCode()).isEqualTo(400);

    var row =
        jdbc.sql("select name, capacity, waitlist_enabled from training_class where id = ?")
            .param(c.id())
            .query()
            .singleRow();
    assertThat(row.get("name")).isEqualTo(c.name());
    assertThat(row.get("capacity")).isEqualTo(5);
    assertThat(
            jdbc.sql("select status, reason from registration where id = ?")
                .param(registration)
                .query()
                .singleRow())
        .containsEntry("status", "PENDING")
        .containsEntry("reason", null);
  }

  // ---- 7. the container's own answers

  @Test
  void theContainersOwnAnswersAreOursWithTheSecurityHeaders() throws Exception {
    String token = token("STAFF", "sz-staff");
    for (String target :
        List.of("/%00", "/classes%00x", "/classes?x=\"", "/classes;x=1", "/classes/%FF")) {
      RawHttp.Answer answer = raw.get(target, Map.of());
      assertThat(answer.status()).as(target).isBetween(400, 499);
      assertPage(answer);
    }
    for (String target :
        List.of("/api/v1/members/%00", "/api/v1/members%00", "/api/v1/members;x=1")) {
      RawHttp.Answer answer = raw.get(target, Map.of("Authorization", "Bearer " + token));
      assertThat(answer.status()).as(target).isBetween(400, 499);
      assertThat(answer.header("Content-Type")).as(target).startsWith("application/problem+json");
      assertProblem(answer, null);
      assertThat(answer.header("Content-Security-Policy")).isEqualTo("default-src 'none'");
    }
    // brackets in a query reach the application, which ignores a parameter it does not know
    RawHttp.Answer brackets =
        raw.get("/api/v1/members?size=1&page[]=", Map.of("Authorization", "Bearer " + token));
    assertThat(brackets.status()).isEqualTo(200);
    assertThat(raw.get("/classes?page[]=1", Map.of()).status()).isEqualTo(302);
    RawHttp.Answer tooLong = raw.get("/classes", Map.of("X-Filler", "x".repeat(20_000)));
    assertThat(tooLong.status()).isBetween(400, 499);
    assertPage(tooLong);
    // the same policy as the pages' own
    RawHttp.Answer login = raw.get("/login", Map.of());
    assertThat(login.header("Content-Security-Policy")).isEqualTo(ContentSecurityPolicy.PAGES);
  }

  // ---- helpers

  private static void assertProblem(RawHttp.Answer answer, String code) {
    assertThat(answer.header("Content-Type"))
        .as(answer.status() + " " + answer.body())
        .startsWith("application/problem+json");
    assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    String actual = JsonPath.read(answer.body(), "$.code");
    if (code != null) {
      assertThat(actual).isEqualTo(code);
    } else {
      assertThat(actual).isNotBlank();
    }
    assertThat(answer.body()).doesNotContain("Exception", "Tomcat");
  }

  private static void assertPage(RawHttp.Answer answer) {
    assertThat(answer.header("Content-Type"))
        .as(answer.status() + " " + answer.body())
        .startsWith("text/html");
    assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(answer.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    assertThat(answer.body()).contains("出错了").doesNotContain("Exception", "Tomcat");
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<String> api(String method, String path, String token, String json)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (json == null) {
      request.method(method, BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, BodyPublishers.ofString(json));
    }
    return http.send(request.build(), BodyHandlers.ofString());
  }

  private String token(String userType, String account) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(
                    BodyPublishers.ofString(
                        "{\"userType\":\"%s\",\"account\":\"%s\",\"password\":\"Demo@2026\"}"
                            .formatted(userType, account)))
                .build(),
            BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JsonPath.read(answer.body(), "$.token");
  }

  private Page signIn(String userType, String account) throws Exception {
    Page page = new Page();
    String csrf = page.csrf("/login");
    HttpResponse<String> signedIn =
        page.post(
            "/login",
            "_csrf="
                + csrf
                + "&userType="
                + userType
                + "&account="
                + account
                + "&password=Demo%402026");
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
    return page;
  }

  private static byte[] multipart(
      String boundary, Map<String, String> fields, String fileField, String name, byte[] file) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    fields.forEach(
        (k, v) ->
            out.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + k
                        + "\"\r\n\r\n"
                        + v
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    out.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + fileField
                + "\"; filename=\""
                + name
                + "\"\r\nContent-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(file);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** A browser-like conversation with the pages: its own cookies, no redirects followed. */
  private final class Page {

    private final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    HttpResponse<String> get(String path) throws Exception {
      return client.send(
          HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
          BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String form) throws Exception {
      return client.send(
          HttpRequest.newBuilder(uri(path))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(BodyPublishers.ofString(form))
              .build(),
          BodyHandlers.ofString());
    }

    HttpResponse<String> multipart(String path, String boundary, byte[] body) throws Exception {
      return client.send(
          HttpRequest.newBuilder(uri(path))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "multipart/form-data; boundary=" + boundary)
              .POST(BodyPublishers.ofByteArray(body))
              .build(),
          BodyHandlers.ofString());
    }

    String csrf(String path) throws Exception {
      HttpResponse<String> page = get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      Matcher m = CSRF.matcher(page.body());
      assertThat(m.find()).as("a CSRF field on " + path).isTrue();
      return java.net.URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }
  }
}
