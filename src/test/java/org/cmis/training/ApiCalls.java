package org.cmis.training;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Small helpers for calling the JSON API as one caller. */
final class ApiCalls {

  private final MockMvcTester mvc;
  private final String token;

  ApiCalls(MockMvcTester mvc, String token) {
    this.mvc = mvc;
    this.token = token;
  }

  MvcTestResult get(String uri) {
    return mvc.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
  }

  MvcTestResult post(String uri, String json) {
    return mvc.post()
        .uri(uri)
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .content(json)
        .exchange();
  }

  MvcTestResult patch(String uri, String json) {
    return mvc.patch()
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
