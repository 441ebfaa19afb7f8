package org.cmis.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.cmis.identity.account.Account;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** POST and DELETE /api/v1/auth/token on the real database (API.md, Auth). */
@IntegrationTest
class TokenApiTest {

  @Autowired MockMvcTester mvc;
  @Autowired TestAccounts accounts;

  private MvcTestResult token(String address, String body) {
    return mvc.post()
        .uri("/api/v1/auth/token")
        .with(
            r -> {
              r.setRemoteAddr(address);
              return r;
            })
        .contentType(MediaType.APPLICATION_JSON)
        .content(body)
        .exchange();
  }

  private static String body(String type, String account, String password) {
    return "{\"userType\":\""
        + type
        + "\",\"account\":\""
        + account
        + "\",\"password\":\""
        + password
        + "\"}";
  }

  @Test
  void demoStaffGetsATokenThatWorksUntilDeleted() throws Exception {
    MvcTestResult issued = token(TestAccounts.address(), body("STAFF", "sz-staff", "Demo@2026"));
    assertThat(issued).hasStatusOk().bodyJson().extractingPath("$.tokenType").isEqualTo("Bearer");
    assertThat(issued).bodyJson().extractingPath("$.expiresAt").asString().contains("+08:00");
    String token =
        com.jayway.jsonpath.JsonPath.read(
            issued.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8),
            "$.token");

    assertThat(mvc.get().uri("/api/v1/members").header("Authorization", "Bearer " + token))
        .hasStatusOk();
    assertThat(mvc.delete().uri("/api/v1/auth/token").header("Authorization", "Bearer " + token))
        .hasStatus(204);
    assertThat(mvc.get().uri("/api/v1/members").header("Authorization", "Bearer " + token))
        .hasStatus(401)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("UNAUTHENTICATED");
  }

  @Test
  void noOrUnknownTokenIsUnauthenticated() {
    assertThat(mvc.get().uri("/api/v1/members"))
        .hasStatus(401)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("UNAUTHENTICATED");
    assertThat(mvc.get().uri("/api/v1/members").header("Authorization", "Bearer nonsense"))
        .hasStatus(401)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(mvc.delete().uri("/api/v1/auth/token")).hasStatus(401);
  }

  @Test
  void unknownAccountAndWrongPasswordGetTheSameAnswer() {
    String address = TestAccounts.address();
    MvcTestResult unknown = token(address, body("MEMBER", "999999999999", "Demo@2026"));
    MvcTestResult wrong = token(address, body("MEMBER", "440300010001", "Wrong@2026"));
    assertThat(unknown)
        .hasStatus(401)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("BAD_CREDENTIALS");
    assertThat(wrong)
        .hasStatus(401)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("BAD_CREDENTIALS");
    assertThat(unknown.getResponse().getContentAsByteArray())
        .isEqualTo(wrong.getResponse().getContentAsByteArray());
  }

  @Test
  void fiveFailuresLockTheAccountEvenForTheRightPassword() {
    Account account = accounts.staff(false);
    String address = TestAccounts.address();
    for (int i = 0; i < 5; i++) {
      assertThat(token(address, body("STAFF", account.account(), "Wrong@pass1"))).hasStatus(401);
    }
    assertThat(token(address, body("STAFF", account.account(), TestAccounts.PASSWORD)))
        .hasStatus(423)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("ACCOUNT_LOCKED");
  }

  @Test
  void unknownAccountsLockTheSameWay() {
    String address = TestAccounts.address();
    for (int i = 0; i < 5; i++) {
      assertThat(token(address, body("FIRM", "99990001", "Wrong@pass1"))).hasStatus(401);
    }
    assertThat(token(address, body("FIRM", "99990001", "Wrong@pass1"))).hasStatus(423);
  }

  @Test
  void aSuccessResetsTheFailureCount() {
    Account account = accounts.staff(false);
    String address = TestAccounts.address();
    for (int i = 0; i < 4; i++) {
      token(address, body("STAFF", account.account(), "Wrong@pass1"));
    }
    assertThat(token(address, body("STAFF", account.account(), TestAccounts.PASSWORD)))
        .hasStatusOk();
    for (int i = 0; i < 4; i++) {
      assertThat(token(address, body("STAFF", account.account(), "Wrong@pass1"))).hasStatus(401);
    }
    assertThat(token(address, body("STAFF", account.account(), TestAccounts.PASSWORD)))
        .hasStatusOk();
  }

  @Test
  void anAddressFailingMoreThanThirtyTimesAMinuteIsRefusedEvenWithTheRightPassword() {
    String address = TestAccounts.address();
    for (int i = 0; i < 30; i++) {
      assertThat(token(address, body("MEMBER", "x" + i, "Wrong@pass1")).getResponse().getStatus())
          .isIn(401, 423);
    }
    MvcTestResult refused = token(address, body("STAFF", "sz-staff", "Demo@2026"));
    assertThat(refused)
        .hasStatus(429)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("TOO_MANY_ATTEMPTS");
    assertThat(refused).headers().containsHeader("Retry-After");
    // Another address is not affected.
    assertThat(token(TestAccounts.address(), body("STAFF", "sz-staff", "Demo@2026"))).hasStatusOk();
  }

  @Test
  void adminTokensOnlyForAdministrators() {
    String address = TestAccounts.address();
    assertThat(token(address, body("ADMIN", "admin", "Demo@2026"))).hasStatusOk();
    assertThat(token(address, body("ADMIN", "sz-staff", "Demo@2026")))
        .hasStatus(401)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("BAD_CREDENTIALS");
  }

  @Test
  void badBodiesAreRefusedClearly() {
    String address = TestAccounts.address();
    assertThat(token(address, "{not json"))
        .hasStatus(400)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("MALFORMED_REQUEST");
    assertThat(token(address, "{\"userType\":\"KING\",\"account\":\"a\",\"password\":\"b\"}"))
        .hasStatus(400);
    assertThat(token(address, "{}"))
        .hasStatus(422)
        .bodyJson()
        .extractingPath("$.errors[*].field")
        .asArray()
        .contains("userType", "account", "password");
    assertThat(token(address, body("STAFF", "a".repeat(51), "x"))).hasStatus(422);
    assertThat(
            mvc.post().uri("/api/v1/auth/token").contentType(MediaType.TEXT_PLAIN).content("hello"))
        .hasStatus(415)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    assertThat(
            mvc.post()
                .uri("/api/v1/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"account\":\"" + "x".repeat(1_100_000) + "\"}"))
        .hasStatus(413)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("PAYLOAD_TOO_LARGE");
  }
}
