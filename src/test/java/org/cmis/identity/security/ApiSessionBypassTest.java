package org.cmis.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * ADR 0040: Spring Session's filter does not run for the stateless API, and still runs for the
 * pages (it marks every request it handles with its repository).
 */
@IntegrationTest
class ApiSessionBypassTest {

  @Autowired MockMvcTester mvc;

  @Test
  void theSessionFilterPassesTheApiByAndStillServesThePages() {
    String token = ApiTokens.demo(mvc, "MEMBER", "440300010001");
    MvcTestResult api =
        mvc.get()
            .uri("/api/v1/classes?size=1")
            .header("Authorization", "Bearer " + token)
            .exchange();
    assertThat(api).hasStatusOk();
    assertThat(api.getMvcResult().getRequest().getAttribute(ApiSessionBypass.SESSION_FILTERED))
        .isEqualTo(Boolean.TRUE);
    assertThat(
            api.getMvcResult()
                .getRequest()
                .getAttribute(SessionRepositoryFilter.SESSION_REPOSITORY_ATTR))
        .as("Spring Session did not handle the API request")
        .isNull();
    assertThat(api.getMvcResult().getResponse().getHeader("Set-Cookie")).isNull();

    MvcTestResult page = mvc.get().uri("/login").exchange();
    assertThat(page).hasStatusOk();
    assertThat(
            page.getMvcResult()
                .getRequest()
                .getAttribute(SessionRepositoryFilter.SESSION_REPOSITORY_ATTR))
        .as("Spring Session handled the page")
        .isNotNull();
  }
}
