package org.cmis.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Health, metrics, OpenAPI, security headers, language switch and error answers. */
@IntegrationTest
class PlatformTest {

  @Autowired MockMvcTester mvc;
  @Autowired org.springframework.context.ApplicationContext context;

  @Test
  void linksAreNotLookedUpAsResources() {
    // the resource chain's URL encoding searched the classpath for every link of a page
    assertThat(
            context.getBeanNamesForType(
                org.springframework.web.servlet.resource.ResourceUrlEncodingFilter.class))
        .isEmpty();
    assertThat(mvc.get().uri("/css/cmis.css")).hasStatusOk();
    assertThat(mvc.get().uri("/swagger-ui/index.html")).hasStatusOk();
  }

  @Test
  void healthIsPublicAndOtherActuatorEndpointsNeedAnAdministrator() {
    assertThat(mvc.get().uri("/actuator/health")).hasStatusOk().bodyText().contains("UP");
    assertThat(mvc.get().uri("/actuator/metrics")).hasStatus3xxRedirection();
    WebSession staff = new WebSession(mvc);
    staff.signIn("STAFF", "sz-staff", "Demo@2026");
    assertThat(staff.get("/actuator/metrics")).hasStatus(403);
    WebSession admin = new WebSession(mvc);
    admin.signIn("STAFF", "admin", "Demo@2026");
    assertThat(admin.get("/actuator/metrics")).hasStatusOk();
  }

  @Test
  void theApiIsDescribedByOpenApi() {
    assertThat(mvc.get().uri("/v3/api-docs"))
        .hasStatusOk()
        .bodyText()
        .contains("/api/v1/members", "/api/v1/auth/token");
    assertThat(mvc.get().uri("/swagger-ui.html")).hasStatus3xxRedirection();
  }

  @Test
  void pagesCarrySecurityHeaders() {
    var page = mvc.get().uri("/login").exchange();
    assertThat(page).headers().hasValue("X-Content-Type-Options", "nosniff");
    assertThat(page.getResponse().getHeader("Content-Security-Policy"))
        .contains("frame-ancestors 'none'", "default-src 'self'");
    assertThat(page.getResponse().getHeader("Referrer-Policy")).isEqualTo("same-origin");
    assertThat(page.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
  }

  @Test
  void chineseByDefaultEnglishOnRequest() {
    WebSession web = new WebSession(mvc);
    assertThat(web.get("/login")).bodyText().contains("用户登录");
    assertThat(web.get("/login?lang=en")).bodyText().contains("Sign in", "User type");
    assertThat(web.get("/login")).as("the choice is remembered").bodyText().contains("Sign in");
  }

  @Test
  void unknownPagesAndApiPathsAnswerNotFoundClearly() {
    WebSession web = new WebSession(mvc);
    web.signIn("STAFF", "sz-staff", "Demo@2026");
    assertThat(web.get("/no-such-page"))
        .hasStatus(404)
        .bodyText()
        .contains("您访问的页面不存在")
        .doesNotContain("Exception");
    String token = ApiTokens.demo(mvc, "STAFF", "sz-staff");
    assertThat(mvc.get().uri("/api/v1/nothing-here").header("Authorization", "Bearer " + token))
        .hasStatus(404)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("NOT_FOUND");
    assertThat(mvc.put().uri("/api/v1/members").header("Authorization", "Bearer " + token))
        .hasStatus(405)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("METHOD_NOT_ALLOWED");
  }

  @Test
  void afterSignInThePageAskedForOpensAsAPathOnThisSite() {
    WebSession web = new WebSession(mvc);
    // the page asked for travels in the sign-in URL and its form, not in a session (ADR 0012)
    assertThat(web.get("/messages?page=1"))
        .hasStatus3xxRedirection()
        .hasRedirectedUrl("/login?continue=%2Fmessages%3Fpage%3D1");
    assertThat(
            web.post(
                "/login",
                "userType",
                "STAFF",
                "account",
                "sz-staff",
                "password",
                "Demo@2026",
                "continue",
                "/messages?page=1"))
        .hasRedirectedUrl("/messages?page=1");
  }

  @Test
  void eachRoleHasItsHomePage() {
    for (String[] who :
        new String[][] {
          {"FIRM", "44030001", "会计师事务所"},
          {"MEMBER", "440300010001", "注册会计师（个人）"},
          {"STAFF", "sz-staff", "协会工作人员"},
          {"STAFF", "admin", "系统管理员"}
        }) {
      WebSession web = new WebSession(mvc);
      assertThat(web.signIn(who[0], who[1], "Demo@2026")).hasRedirectedUrl("/");
      assertThat(web.get("/")).hasStatusOk().hasViewName("home/home").bodyText().contains(who[2]);
    }
  }
}
