package org.cmis.settings.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.cmis.CmisApplication;
import org.cmis.identity.account.Account;
import org.cmis.settings.Settings;
import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Two instances on one PostgreSQL (F6.3: "read at once by every instance"): this test's application
 * and a second one started on the same database with its own web server. A setting changed through
 * one holds on the other at its next request: nothing is cached.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettingsTwoInstancesTest {

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Environment environment;
  @Autowired TestAccounts accounts;

  private ConfigurableApplicationContext second;
  private int secondPort;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void startTheSecondInstance() {
    second =
        new SpringApplicationBuilder(CmisApplication.class)
            .profiles("test")
            .properties(
                "server.port=0",
                "spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "spring.datasource.username="
                    + environment.getProperty("spring.datasource.username"),
                "spring.datasource.password="
                    + environment.getProperty("spring.datasource.password"),
                "spring.datasource.hikari.maximum-pool-size=4",
                "cmis.demo.enabled=false",
                "spring.jmx.enabled=false")
            .run();
    secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
  }

  @AfterAll
  void stopIt() {
    if (second != null) {
      second.close();
    }
  }

  @AfterEach
  void defaultsAgain() {
    jdbc.sql(
            "delete from setting where key in ('support.national-phones',"
                + " 'security.lockout.max-failures')")
        .update();
  }

  private String secondPage(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + secondPort + path)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  @Test
  void aChangeThroughThisInstanceHoldsOnTheOtherAtOnce() throws Exception {
    assertThat(secondPage("/login")).contains("010-88250337");
    String admin = ApiTokens.demo(mvc, "ADMIN", "admin");
    assertThat(
            mvc.put()
                .uri("/api/v1/admin/settings")
                .header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"nationalSupportPhones\": \"010-55556666\"}")
                .exchange())
        .hasStatusOk();
    assertThat(secondPage("/login")).contains("010-55556666").doesNotContain("010-88250337");
    assertThat(second.getBean(Settings.class).stored("support.national-phones"))
        .contains("010-55556666");
  }

  @Test
  void aLockOutThresholdSetOnTheOtherInstanceHoldsHere() {
    second
        .getBean(Settings.class)
        .store("security.lockout.max-failures", "1", false, "admin", "127.0.0.1");
    Account staff = accounts.staff(false);
    String address = TestAccounts.address();
    assertThat(signIn(staff.account(), "wrong", address)).isEqualTo(401);
    assertThat(signIn(staff.account(), TestAccounts.PASSWORD, address)).isEqualTo(423);
  }

  private int signIn(String account, String password, String address) {
    return mvc.post()
        .uri("/api/v1/auth/token")
        .with(
            r -> {
              r.setRemoteAddr(address);
              return r;
            })
        .contentType(MediaType.APPLICATION_JSON)
        .content(
            "{\"userType\":\"STAFF\",\"account\":\"%s\",\"password\":\"%s\"}"
                .formatted(account, password))
        .exchange()
        .getResponse()
        .getStatus();
  }
}
