package org.cmis.training.attendance;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The JSON API as one caller (a bearer token). */
final class Api {

  private final MockMvcTester mvc;
  private final String token;

  Api(MockMvcTester mvc, String token) {
    this.mvc = mvc;
    this.token = token;
  }

  MvcTestResult post(String uri, String json) {
    return mvc.post()
        .uri(uri)
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .content(json)
        .exchange();
  }

  static <T> T read(MvcTestResult result, String path) {
    try {
      return JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8), path);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
