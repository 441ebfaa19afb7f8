package org.cmis.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cmis.identity.account.Account;
import org.cmis.identity.captcha.CaptchaAnswers;
import org.cmis.identity.captcha.CaptchaService;
import org.cmis.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 10 points 5, 9 and 10 on the real Tomcat (its valve and redirects are not in MockMvc): no
 * session before a sign-in, redirects never built from the Host header, forwarded headers only from
 * the trusted proxy (127.0.0.1 by default; 127.0.0.2 is someone else), and the session cookie
 * Secure exactly when the request came over HTTPS. Same context as the browser tests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HostileClientsServerTest {

  private static final String PROXY = "127.0.0.1";
  private static final String STRANGER = "127.0.0.2";
  private static final Pattern CSRF =
      Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

  @Autowired Environment environment;
  @Autowired JdbcClient jdbc;
  @Autowired TestAccounts accounts;
  @Autowired CaptchaService captcha;

  private RawHttp http() {
    return new RawHttp(environment.getRequiredProperty("local.server.port", Integer.class));
  }

  private long sessionsSince(long millis) {
    return jdbc.sql("select count(*) from spring_session where creation_time >= :t")
        .param("t", millis)
        .query(Long.class)
        .single();
  }

  @Test
  void anonymousRequestsForProtectedPagesStoreNoSessionAndCarryTheirPathInTheSignInUrl()
      throws Exception {
    long start = System.currentTimeMillis();
    List<String> pages =
        List.of("/classes", "/", "/manage/classes", "/messages", "/classes?page=2");
    for (int i = 0; i < 50; i++) {
      String page = pages.get(i % pages.size());
      RawHttp.Response answer = http().get(STRANGER, page, Map.of());
      assertThat(answer.status()).as(page).isEqualTo(302);
      assertThat(answer.setCookie("CMIS_SESSION")).as(page).isNull();
      String expected =
          page.equals("/")
              ? "/login"
              : "/login?continue=" + URLEncoder.encode(page, StandardCharsets.UTF_8);
      assertThat(answer.header("Location")).as(page).isEqualTo(expected);
    }
    assertThat(sessionsSince(start)).isZero();
  }

  private long spentCaptchas() {
    return jdbc.sql("select count(*) from captcha_spent").query(Long.class).single();
  }

  @Test
  void aThousandViewsOfTheSignInPageWithItsCaptchaStoreNoRow() throws Exception {
    long start = System.currentTimeMillis();
    long spent = spentCaptchas();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<RawHttp.Response>> views = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        views.add(pool.submit(() -> http().get(STRANGER, "/login", Map.of())));
        views.add(pool.submit(() -> http().get(STRANGER, "/captcha.png", Map.of())));
      }
      for (int i = 0; i < views.size(); i++) {
        RawHttp.Response answer = views.get(i).get();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.setCookie("CMIS_SESSION")).isNull();
        String cookie = i % 2 == 0 ? SecurityConfiguration.CSRF_COOKIE : CaptchaService.COOKIE;
        assertThat(answer.setCookie(cookie)).contains("HttpOnly", "SameSite=Lax");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(sessionsSince(start)).isZero();
    // only answered captchas take a row (for their two minutes); views answer none
    assertThat(spentCaptchas()).isLessThanOrEqualTo(spent);
  }

  @Test
  void signInStartsTheSessionAndGoesBackToTheLocalPageItCameFrom() throws Exception {
    long start = System.currentTimeMillis();
    Account account = accounts.staff(false);
    RawHttp.Response signedIn = signIn(STRANGER, account, "/classes?page=2", Map.of());
    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(signedIn.header("Location")).isEqualTo("/classes?page=2");
    assertThat(signedIn.setCookie("CMIS_SESSION")).isNotNull();
    assertThat(sessionsSince(start)).isEqualTo(1);

    // a return path that is not a page of this site goes home
    for (String foreign : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example")) {
      RawHttp.Response elsewhere = signIn(STRANGER, accounts.staff(false), foreign, Map.of());
      assertThat(elsewhere.header("Location")).as(foreign).isEqualTo("/");
    }
  }

  @Test
  void theSignInPagesCsrfTokenIsWorthlessAfterTheSignIn() throws Exception {
    RawHttp.Response page = http().get(STRANGER, "/login", Map.of());
    String before = csrf(page.body());
    Map<String, String> cookies = new LinkedHashMap<>(page.cookies());
    RawHttp.Response image = http().get(STRANGER, "/captcha.png", Map.of());
    cookies.putAll(image.cookies());
    String form =
        "userType=STAFF&account="
            + enc(accounts.staff(false).account())
            + "&password="
            + enc(TestAccounts.PASSWORD)
            + "&_csrf="
            + enc(before)
            + "&captcha="
            + CaptchaAnswers.solve(captcha, cookies.get(CaptchaService.COOKIE));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    headers.put("Cookie", cookieHeader(cookies));
    RawHttp.Response signedIn = http().send(STRANGER, "POST", "/login", headers, form);
    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(signedIn.setCookie(SecurityConfiguration.CSRF_COOKIE)).startsWith("CMIS_CSRF=;");

    // the session with the sign-in page's token and its cookie (as planted by someone): refused
    Map<String, String> stale = new LinkedHashMap<>(cookies);
    stale.put("CMIS_SESSION", signedIn.cookies().get("CMIS_SESSION"));
    headers.put("Cookie", cookieHeader(stale));
    RawHttp.Response logout =
        http().send(STRANGER, "POST", "/logout", headers, "_csrf=" + enc(before));
    assertThat(logout.status()).isEqualTo(403);
  }

  @Test
  void aForgedHostNeverReachesALocationHeader() throws Exception {
    Map<String, String> evil = Map.of("Host", "evil.example");
    RawHttp.Response protectedPage = http().get(STRANGER, "/classes", evil);
    assertThat(protectedPage.status()).isEqualTo(302);
    assertThat(protectedPage.header("Location")).isEqualTo("/login?continue=%2Fclasses");

    RawHttp.Response signedIn = signIn(STRANGER, accounts.staff(false), null, evil);
    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(signedIn.header("Location")).isEqualTo("/");

    Map<String, String> session = new LinkedHashMap<>(evil);
    session.put("Cookie", cookieHeader(signedIn.cookies()));
    RawHttp.Response page = http().get(STRANGER, "/", session);
    String csrf = csrf(page.body());
    Map<String, String> cookies = new LinkedHashMap<>(signedIn.cookies());
    cookies.putAll(page.cookies()); // the page's CSRF token lives in its cookie
    session.put("Cookie", cookieHeader(cookies));
    session.put("Content-Type", "application/x-www-form-urlencoded");
    RawHttp.Response loggedOut =
        http().send(STRANGER, "POST", "/logout", session, "_csrf=" + enc(csrf));
    assertThat(loggedOut.status()).isEqualTo(302);
    assertThat(loggedOut.header("Location")).isEqualTo("/login?logout");

    // also through the trusted proxy, which may forward a Host of its own
    RawHttp.Response proxied =
        http().get(PROXY, "/classes", Map.of("Host", "evil.example", "X-Forwarded-Host", "evil"));
    assertThat(proxied.header("Location")).doesNotContain("evil");
  }

  @Test
  void forwardedForCountsOnlyFromTheTrustedProxy() throws Exception {
    String account = "nobody-" + System.nanoTime();
    String body =
        "{\"userType\":\"STAFF\",\"account\":\"" + account + "\",\"password\":\"Wrong@pass1\"}";
    Map<String, String> forged =
        Map.of("Content-Type", "application/json", "X-Forwarded-For", "203.0.113.7");
    RawHttp.Response fromStranger =
        http().send(STRANGER, "POST", "/api/v1/auth/token", forged, body);
    assertThat(fromStranger.status()).isEqualTo(401);
    assertThat(failuresOf("203.0.113.7")).isZero();
    assertThat(failuresOf(STRANGER)).isPositive();

    Map<String, String> forwarded =
        Map.of("Content-Type", "application/json", "X-Forwarded-For", "198.51.100.9, 203.0.113.9");
    RawHttp.Response fromProxy = http().send(PROXY, "POST", "/api/v1/auth/token", forwarded, body);
    assertThat(fromProxy.status()).isEqualTo(401);
    // the address the proxy saw (the last one), not what the client claimed before it
    assertThat(failuresOf("203.0.113.9")).isEqualTo(1);
    assertThat(failuresOf("198.51.100.9")).isZero();

    // the audit log records the same address as the throttle
    Account staff = accounts.staff(false);
    signIn(PROXY, staff, null, Map.of("X-Forwarded-For", "203.0.113.10"));
    signIn(STRANGER, accounts.staff(false), null, Map.of("X-Forwarded-For", "203.0.113.11"));
    assertThat(
            jdbc.sql(
                    "select client_address from audit_entry where action = 'SIGN_IN'"
                        + " and client_address like '203.0.113.%'")
                .query(String.class)
                .list())
        .contains("203.0.113.10")
        .doesNotContain("203.0.113.11");
  }

  @Test
  void theSessionCookieIsSecureExactlyWhenTheRequestCameOverHttps() throws Exception {
    Map<String, String> https = Map.of("X-Forwarded-Proto", "https");
    String viaProxy = signIn(PROXY, accounts.staff(false), null, https).setCookie("CMIS_SESSION");
    assertThat(attributes(viaProxy)).contains("secure", "httponly", "samesite=lax");

    String plain = signIn(PROXY, accounts.staff(false), null, Map.of()).setCookie("CMIS_SESSION");
    assertThat(attributes(plain)).contains("httponly").doesNotContain("secure");

    String forged = signIn(STRANGER, accounts.staff(false), null, https).setCookie("CMIS_SESSION");
    assertThat(attributes(forged)).doesNotContain("secure");
  }

  // ---- helpers ----

  /** GET /login (CSRF cookie and token), then POST it, from one address with extra headers. */
  private RawHttp.Response signIn(
      String from, Account account, String returnTo, Map<String, String> headers) throws Exception {
    String loginPath = returnTo == null ? "/login" : "/login?continue=" + enc(returnTo);
    RawHttp.Response page = http().get(from, loginPath, headers);
    assertThat(page.status()).isEqualTo(200);
    Map<String, String> cookies = new LinkedHashMap<>(page.cookies());
    RawHttp.Response image = http().get(from, "/captcha.png", headers);
    assertThat(image.status()).isEqualTo(200);
    cookies.putAll(image.cookies());
    String answer = CaptchaAnswers.solve(captcha, cookies.get(CaptchaService.COOKIE));
    Map<String, String> post = new LinkedHashMap<>(headers);
    post.put("Cookie", cookieHeader(cookies));
    post.put("Content-Type", "application/x-www-form-urlencoded");
    String form =
        "userType=STAFF&account="
            + enc(account.account())
            + "&password="
            + enc(TestAccounts.PASSWORD)
            + "&_csrf="
            + enc(csrf(page.body()))
            + "&captcha="
            + answer
            + (returnTo == null ? "" : "&continue=" + enc(returnTo));
    return http().send(from, "POST", "/login", post, form);
  }

  private long failuresOf(String address) {
    return jdbc.sql("select coalesce(sum(failures), 0) from address_failure where address = :a")
        .param("a", address)
        .query(Long.class)
        .single();
  }

  private static List<String> attributes(String setCookie) {
    assertThat(setCookie).isNotNull();
    return List.of(setCookie.split(";")).stream()
        .skip(1)
        .map(a -> a.trim().toLowerCase(java.util.Locale.ROOT))
        .toList();
  }

  private static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).as("a _csrf field in the page").isTrue();
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  private static String cookieHeader(Map<String, String> cookies) {
    return cookies.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("; "));
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
