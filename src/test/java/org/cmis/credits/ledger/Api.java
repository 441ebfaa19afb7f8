package org.cmis.credits.ledger;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The JSON API as one caller (a bearer token), for the ledger's tests. */
final class Api {

  private final MockMvcTester mvc;
  private final String token;

  Api(MockMvcTester mvc, String token) {
    this.mvc = mvc;
    this.token = token;
  }

  MvcTestResult post(String uri, String json) {
    return post(uri, json, null);
  }

  MvcTestResult post(String uri, String json, @Nullable String idempotencyKey) {
    var request =
        mvc.post()
            .uri(uri)
            .header("Authorization", "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json);
    if (idempotencyKey != null) {
      request = request.header("Idempotency-Key", idempotencyKey);
    }
    return request.exchange();
  }

  static <T> T read(MvcTestResult result, String path) {
    return JsonPath.read(
        new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8), path);
  }
}
