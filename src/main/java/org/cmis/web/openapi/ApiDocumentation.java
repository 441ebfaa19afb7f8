package org.cmis.web.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cmis.shared.ErrorCode;
import org.cmis.training.RegistrationStatus;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI document of {@code /v3/api-docs} (ADR 0033). Generic rules, applied to every
 * operation once springdoc has read the controllers:
 *
 * <ul>
 *   <li>security: the bearer scheme, except the public operations of {@link OperationProblems};
 *   <li>success: 201 for the operations that create (with 200 too where they may answer it);
 *   <li>errors, each a {@code Problem} as {@code application/problem+json}: 400 MALFORMED_REQUEST
 *       and 503 BUSY everywhere; 401 UNAUTHENTICATED, 403 FORBIDDEN and 422 VALIDATION_FAILED where
 *       a token is needed; 404 NOT_FOUND with a path variable; 413/415 with a body; 422
 *       IDEMPOTENCY_KEY_REUSED on authenticated POSTs; 409 INVALID_STATE on a change of a named
 *       resource; plus the operation's own codes ({@link OperationProblems#SPECIFIC}).
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

  static final String BEARER = "bearerToken";
  static final String PROBLEM = "Problem";
  static final String PROBLEM_JSON = "application/problem+json";

  /** Every code a problem may carry: {@link ErrorCode} and the unexpected failure's. */
  static List<String> codes() {
    List<String> codes = new ArrayList<>();
    for (ErrorCode code : ErrorCode.values()) {
      codes.add(code.name());
    }
    codes.add("INTERNAL_ERROR");
    return codes;
  }

  @Bean
  OpenAPI cmisOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("CMIS 继续教育 API / CMIS Continuing Education API")
                .version("v1")
                .description(
                    """
                    注册会计师继续教育管理系统的 JSON 接口：培训班、报名、确认、考勤、学时与证书。\
                    先以 POST /api/v1/auth/token 取得令牌，再以 Authorization: Bearer <token> 调用；\
                    错误一律为 application/problem+json（RFC 9457），其 code 为下列枚举之一。

                    The JSON API of the CPA continuing-education system: classes, registrations,
                    confirmation, attendance, hours and certificates. Get a token with POST
                    /api/v1/auth/token, then call with Authorization: Bearer <token>. Every error is
                    application/problem+json (RFC 9457) whose code is one of the Problem enum."""))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("opaque")
                        .description(
                            "POST /api/v1/auth/token 的令牌 / the token of POST /api/v1/auth/token")));
  }

  private static Schema<?> registrationResult() {
    // API.md, Registrations (the outcomes of RegistrationService, not an exposed type)
    StringSchema outcome = new StringSchema();
    for (String o :
        List.of(
            "REGISTERED",
            "WAITLISTED",
            "ALREADY_REGISTERED",
            "CLASS_FULL",
            "NOT_ELIGIBLE",
            "NOT_IN_FIRM",
            "INVALID_CONTACT")) {
      outcome.addEnumItem(o);
    }
    StringSchema status = new StringSchema();
    for (RegistrationStatus st : RegistrationStatus.values()) {
      status.addEnumItem(st.name());
    }
    return new ObjectSchema()
        .description("一人的报名结果 / one person's outcome, in the order sent")
        .addProperty("memberNo", new StringSchema())
        .addProperty("outcome", outcome)
        .addProperty("registrationId", new IntegerSchema().format("int64"))
        .addProperty("status", status);
  }

  private static Schema<?> fieldError() {
    return new ObjectSchema()
        .description("一个字段的错误 / one field's error")
        .addProperty("field", new StringSchema().example("mobile"))
        .addProperty("message", new StringSchema().example("请输入 11 位手机号码"))
        .required(List.of("field", "message"));
  }

  private static Schema<?> problem() {
    StringSchema code = new StringSchema();
    code.setEnum(codes());
    code.description("稳定的错误代码 / the stable error code (API.md, Error codes)");
    return new ObjectSchema()
        .description("RFC 9457 problem details")
        .addProperty("type", new StringSchema().example("urn:cmis:problem:already_registered"))
        .addProperty("status", new IntegerSchema().example(409))
        .addProperty("title", new StringSchema().example("已报名"))
        .addProperty("detail", new StringSchema().example("您已报名该培训班"))
        .addProperty("instance", new StringSchema())
        .addProperty("code", code)
        .addProperty(
            "errors",
            new ArraySchema()
                .items(new Schema<>().$ref("#/components/schemas/FieldError"))
                .description("VALIDATION_FAILED 的字段错误 / the field errors of VALIDATION_FAILED"))
        .required(List.of("status", "title", "code"));
  }

  /** Operation ids a generator can name methods after: {@code classCreate}, {@code tokenCreate}. */
  @Bean
  OperationCustomizer cmisOperationIds() {
    return (Operation operation, HandlerMethod handler) -> {
      String type = handler.getBeanType().getSimpleName().replace("RestController", "");
      String prefix = type.substring(0, 1).toLowerCase(Locale.ROOT) + type.substring(1);
      String method = handler.getMethod().getName();
      operation.setOperationId(
          prefix + method.substring(0, 1).toUpperCase(Locale.ROOT) + method.substring(1));
      return operation;
    };
  }

  @Bean
  OpenApiCustomizer cmisOperations() {
    return openApi -> {
      // here, not on the OpenAPI bean: springdoc drops schemas no controller references
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      openApi.getComponents().addSchemas("FieldError", fieldError()).addSchemas(PROBLEM, problem());
      // RegistrationService.Result shares its simple name with attendance's: named apart here
      openApi
          .getComponents()
          .addSchemas("RegistrationResult", registrationResult())
          .addSchemas(
              "RegistrationResults",
              new ObjectSchema()
                  .addProperty(
                      "results",
                      new ArraySchema()
                          .items(new Schema<>().$ref("#/components/schemas/RegistrationResult"))));
      describeCappedTotals(openApi);
      mergeRepeatedTags(openApi);
      if (openApi.getPaths() == null) {
        return;
      }
      openApi
          .getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap()
                      .forEach((method, operation) -> describe(path, method, operation)));
    };
  }

  /** Every page shape's {@code total} and {@code totalCapped} (PageResult, ADR 0042). */
  static void describeCappedTotals(OpenAPI openApi) {
    if (openApi.getComponents().getSchemas() == null) {
      return;
    }
    for (Schema<?> schema : openApi.getComponents().getSchemas().values()) {
      Map<String, Schema> properties = schema.getProperties();
      if (properties == null || !properties.containsKey("totalCapped")) {
        continue;
      }
      properties
          .get("totalCapped")
          .description(
              "true when the list counted its rows only up to 10000 and found more: total is then"
                  + " 10000 (shown as 10000+), not the exact count (the unfiltered registration"
                  + " list of an institute); false when total is exact");
      if (properties.get("total") != null) {
        properties
            .get("total")
            .description("the number of items of the list, at most 10000 when totalCapped");
      }
    }
  }

  /** Two controllers may share a tag (Hours); a document names each tag once. */
  static void mergeRepeatedTags(OpenAPI openApi) {
    if (openApi.getTags() == null) {
      return;
    }
    Map<String, io.swagger.v3.oas.models.tags.Tag> byName = new LinkedHashMap<>();
    for (io.swagger.v3.oas.models.tags.Tag tag : openApi.getTags()) {
      io.swagger.v3.oas.models.tags.Tag first = byName.putIfAbsent(tag.getName(), tag);
      if (first != null
          && tag.getDescription() != null
          && !tag.getDescription().equals(first.getDescription())) {
        first.setDescription(
            first.getDescription() == null
                ? tag.getDescription()
                : first.getDescription() + "; " + tag.getDescription());
      }
    }
    openApi.setTags(new ArrayList<>(byName.values()));
  }

  static void describe(String path, PathItem.HttpMethod httpMethod, Operation operation) {
    String method = httpMethod.name();
    String key = method + " " + path;
    boolean isPublic = OperationProblems.isPublic(method, path);
    operation.setSecurity(
        isPublic ? List.of() : List.of(new SecurityRequirement().addList(BEARER)));

    ApiResponses responses = operation.getResponses();
    if (responses == null) {
      responses = new ApiResponses();
      operation.setResponses(responses);
    }
    if (OperationProblems.CREATED.contains(key) && responses.containsKey("200")) {
      ApiResponse ok = responses.get("200");
      ApiResponse created = copy(ok).description("Created");
      ApiResponses reordered = new ApiResponses();
      reordered.addApiResponse("201", created);
      if (OperationProblems.CREATED_OR_OK.contains(key)) {
        reordered.addApiResponse("200", ok);
      }
      responses.forEach(
          (status, r) -> {
            if (!status.equals("200")) {
              reordered.addApiResponse(status, r);
            }
          });
      operation.setResponses(reordered);
      responses = reordered;
    }

    if (OperationProblems.NO_CONTENT.contains(key)) {
      responses.remove("200");
      responses.addApiResponse("204", new ApiResponse().description("No Content"));
    }

    if (key.equals("POST /api/v1/classes/{id}/registrations")) {
      body(responses.get("201"), "RegistrationView", "a member registers itself");
      body(responses.get("200"), "RegistrationResults", "a firm or staff register people");
    }

    Set<ErrorCode> codes = EnumSet.of(ErrorCode.MALFORMED_REQUEST);
    boolean hasBody = operation.getRequestBody() != null;
    boolean write = !method.equals("GET");
    boolean pathVariable =
        operation.getParameters() != null
            && operation.getParameters().stream().map(Parameter::getIn).anyMatch("path"::equals);
    if (!isPublic) {
      codes.add(ErrorCode.UNAUTHENTICATED);
      codes.add(ErrorCode.FORBIDDEN);
      codes.add(ErrorCode.VALIDATION_FAILED);
      if (method.equals("POST")) {
        codes.add(ErrorCode.IDEMPOTENCY_KEY_REUSED);
      }
    } else if (hasBody) {
      codes.add(ErrorCode.VALIDATION_FAILED);
    }
    if (hasBody) {
      codes.add(ErrorCode.PAYLOAD_TOO_LARGE);
      codes.add(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    }
    if (pathVariable) {
      codes.add(ErrorCode.NOT_FOUND);
      if (write) {
        codes.add(ErrorCode.INVALID_STATE);
      }
    }
    if (write) {
      codes.add(ErrorCode.BUSY);
    }
    codes.addAll(OperationProblems.SPECIFIC.getOrDefault(key, Set.of()));
    if (isPublic && key.equals("POST /api/v1/auth/token")) {
      codes.remove(ErrorCode.UNAUTHENTICATED);
    }

    Map<Integer, List<ErrorCode>> byStatus = new TreeMap<>();
    for (ErrorCode code : codes) {
      byStatus.computeIfAbsent(code.status(), s -> new ArrayList<>()).add(code);
    }
    ApiResponses target = responses;
    byStatus.forEach(
        (status, list) -> target.addApiResponse(Integer.toString(status), problemResponse(list)));

    String example = OperationProblems.EXAMPLES.get(key);
    if (example != null && hasBody && operation.getRequestBody().getContent() != null) {
      MediaType json = operation.getRequestBody().getContent().get("application/json");
      if (json != null) {
        json.setExample(parseLoose(example));
      }
    }
  }

  private static ApiResponse problemResponse(List<ErrorCode> codes) {
    Map<String, Example> examples = new LinkedHashMap<>();
    for (ErrorCode code : codes) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "urn:cmis:problem:" + code.name().toLowerCase(Locale.ROOT));
      body.put("status", code.status());
      body.put("title", code.name());
      body.put("code", code.name());
      examples.put(code.name(), new Example().value(body));
    }
    return new ApiResponse()
        .description(String.join(", ", codes.stream().map(Enum::name).toList()))
        .content(
            new Content()
                .addMediaType(
                    PROBLEM_JSON,
                    new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                        .examples(examples)));
  }

  private static void body(
      @org.jspecify.annotations.Nullable ApiResponse r, String schema, String description) {
    if (r != null) {
      r.description(description)
          .content(
              new Content()
                  .addMediaType(
                      "application/json",
                      new MediaType()
                          .schema(new Schema<>().$ref("#/components/schemas/" + schema))));
    }
  }

  private static ApiResponse copy(ApiResponse r) {
    return new ApiResponse()
        .description(r.getDescription())
        .content(r.getContent())
        .headers(r.getHeaders())
        .links(r.getLinks());
  }

  /** The example as a JSON tree (the document serialises it as JSON, not as a string). */
  private static Object parseLoose(String json) {
    try {
      return io.swagger.v3.core.util.Json.mapper().readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("A bad example: " + json, e);
    }
  }
}
