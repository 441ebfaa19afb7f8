package org.cmis.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cmis.shared.ErrorCode;
import org.cmis.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The served /v3/api-docs is a description a client generator can use (issue 15, ADR 0033). */
@IntegrationTest
class ApiDocumentTest {

  @Autowired MockMvcTester mvc;

  private DocumentContext doc;

  @BeforeEach
  void read() throws Exception {
    var result = mvc.get().uri("/v3/api-docs").exchange();
    assertThat(result).hasStatusOk();
    doc = JsonPath.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
  }

  @Test
  void titleAndVersionInChineseAndEnglish() {
    assertThat(doc.read("$.info.title", String.class)).contains("继续教育", "Continuing Education");
    assertThat(doc.read("$.info.version", String.class)).isEqualTo("v1");
    assertThat(doc.read("$.info.description", String.class)).contains("令牌", "token");
  }

  @Test
  void bearerSchemeOnEveryOperationButThePublicOnes() {
    assertThat(doc.read("$.components.securitySchemes.bearerToken.scheme", String.class))
        .isEqualTo("bearer");
    assertThat(doc.read("$.components.securitySchemes.bearerToken.type", String.class))
        .isEqualTo("http");
    assertThat(security("/api/v1/auth/token", "post")).isEmpty();
    assertThat(security("/api/v1/certificates/{code}", "get")).isEmpty();
    assertThat(security("/api/v1/password-reset-applications", "post")).isEmpty();
    assertThat(security("/api/v1/classes", "get")).hasSize(1);
    assertThat(security("/api/v1/classes/{id}/registrations", "post")).hasSize(1);
    assertThat(security("/api/v1/auth/token", "delete")).hasSize(1);
  }

  private List<?> security(String path, String method) {
    return doc.read("$.paths['" + path + "']." + method + ".security", List.class);
  }

  @Test
  void theRegistrationPageStatesACappedTotal() {
    String page =
        doc.read(
            "$.paths['/api/v1/registrations'].get.responses['200'].content['application/json']"
                + ".schema.$ref",
            String.class);
    String name = page.substring(page.lastIndexOf('/') + 1);
    String properties = "$.components.schemas['" + name + "'].properties";
    assertThat(doc.read(properties + ".totalCapped.type", String.class)).isEqualTo("boolean");
    assertThat(doc.read(properties + ".totalCapped.description", String.class)).contains("10000");
    assertThat(doc.read(properties + ".total.description", String.class)).contains("totalCapped");
  }

  @Test
  void theProblemSchemaNamesEveryErrorCode() {
    List<String> codes = doc.read("$.components.schemas.Problem.properties.code.enum");
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(codes).contains(code.name());
    }
    assertThat(doc.read("$.components.schemas.Problem.properties.errors.type", String.class))
        .isEqualTo("array");
    assertThat(doc.read("$.components.schemas.FieldError.properties", Map.class)) // field, message
        .containsKeys("field", "message");
  }

  @Test
  void createOperationsAnswer201() {
    for (String path :
        List.of(
            "/api/v1/classes",
            "/api/v1/classes/{id}/registrations",
            "/api/v1/admin/staff-accounts",
            "/api/v1/claims")) {
      Map<String, Object> responses = doc.read("$.paths['" + path + "'].post.responses");
      assertThat(responses).as(path).containsKey("201");
    }
    String register = "$.paths['/api/v1/classes/{id}/registrations'].post.responses";
    assertThat(doc.read(register + "['201'].content['application/json'].schema.$ref", String.class))
        .endsWith("/RegistrationView");
    assertThat(doc.read(register + "['200'].content['application/json'].schema.$ref", String.class))
        .endsWith("/RegistrationResults");
    Map<String, Object> signOut = doc.read("$.paths['/api/v1/auth/token'].delete.responses");
    assertThat(signOut).containsKey("204").doesNotContainKey("200");
    Map<String, Object> classCreate = doc.read("$.paths['/api/v1/classes'].post.responses");
    assertThat(classCreate).doesNotContainKey("200");
    assertThat(
            doc.read(
                "$.paths['/api/v1/classes'].post.responses['201'].content['application/json']"
                    + ".schema.$ref",
                String.class))
        .endsWith("/ClassView");
  }

  @Test
  void successIsApplicationJsonNeverAnyType() {
    List<String> mediaTypes = new ArrayList<>();
    Map<String, Map<String, Map<String, Object>>> paths = doc.read("$.paths");
    paths.forEach(
        (path, item) ->
            item.forEach(
                (method, op) -> {
                  @SuppressWarnings("unchecked")
                  Map<String, Map<String, Object>> responses =
                      (Map<String, Map<String, Object>>) op.get("responses");
                  responses.forEach(
                      (status, r) -> {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> content = (Map<String, Object>) r.get("content");
                        if (content != null) {
                          mediaTypes.addAll(content.keySet());
                        }
                      });
                }));
    assertThat(mediaTypes).isNotEmpty().doesNotContain("*/*").contains("application/json");
  }

  @Test
  void errorsAreProblemsWithTheCodesOfTheOperation() {
    String registration = "$.paths['/api/v1/classes/{id}/registrations'].post.responses";
    assertThat(
            doc.read(
                registration + "['409'].content['application/problem+json'].schema.$ref",
                String.class))
        .endsWith("/Problem");
    Map<String, Object> conflicts =
        doc.read(registration + "['409'].content['application/problem+json'].examples");
    assertThat(conflicts).containsKeys("ALREADY_REGISTERED", "CLASS_FULL", "REGISTRATION_CLOSED");
    Map<String, Object> responses = doc.read(registration);
    assertThat(responses).containsKeys("400", "401", "403", "404", "422", "503");
    Map<String, Object> token = doc.read("$.paths['/api/v1/auth/token'].post.responses");
    assertThat(token).containsKeys("200", "400", "401", "422", "423", "429");
    assertThat(
            doc.read(
                "$.paths['/api/v1/auth/token'].post.responses['401'].description", String.class))
        .contains("BAD_CREDENTIALS");
    // every operation documents at least one problem answer
    Map<String, Map<String, Map<String, Object>>> paths = doc.read("$.paths");
    paths.forEach(
        (path, item) ->
            item.forEach(
                (method, op) ->
                    assertThat(String.valueOf(((Map<?, ?>) op.get("responses")).keySet()))
                        .as(method + " " + path)
                        .contains("400")));
  }

  @Test
  void theMainBodiesHaveExamples() {
    String base = ".requestBody.content['application/json'].example";
    assertThat(doc.read("$.paths['/api/v1/auth/token'].post" + base + ".userType", String.class))
        .isEqualTo("MEMBER");
    assertThat(
            doc.read(
                "$.paths['/api/v1/classes/{id}/registrations'].post" + base + ".mobile",
                String.class))
        .isNotBlank();
    assertThat(doc.read("$.paths['/api/v1/classes'].post" + base + ".name", String.class))
        .isNotBlank();
  }
}
