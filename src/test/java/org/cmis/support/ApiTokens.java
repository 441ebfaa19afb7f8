package org.cmis.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Gets bearer tokens of the demo accounts through the API. */
public final class ApiTokens {

  private ApiTokens() {}

  public static String of(MockMvcTester mvc, String userType, String account, String password) {
    MvcTestResult result =
        mvc.post()
            .uri("/api/v1/auth/token")
            .with(
                r -> {
                  r.setRemoteAddr(TestAccounts.address());
                  return r;
                })
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"userType\":\"%s\",\"account\":\"%s\",\"password\":\"%s\"}"
                    .formatted(userType, account, password))
            .exchange();
    assertThat(result).hasStatusOk();
    try {
      return JsonPath.read(
          result.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.token");
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A demo account's token (password Demo@2026). */
  public static String demo(MockMvcTester mvc, String userType, String account) {
    return of(mvc, userType, account, "Demo@2026");
  }
}
