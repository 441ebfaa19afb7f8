package org.cmis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cmis.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * ADR 0040: the API's handler lookup by its first three segments chooses what Spring's full lookup
 * chooses, with the same path variables, for every API mapping of the application, and leaves wrong
 * methods and unknown paths to Spring's answers.
 */
@IntegrationTest
class ApiHandlerMappingTest {

  @Autowired
  @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  @Test
  void theBucketsChooseWhatSpringsFullLookupChooses() throws Exception {
    assertThat(mapping).isInstanceOf(ApiHandlerMapping.class);
    ApiHandlerMapping api = (ApiHandlerMapping) mapping;
    List<String[]> requests = new ArrayList<>();
    for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/api/")) {
          continue;
        }
        String path = pattern.replaceAll("\\{[^}]*}", "17").replace("**", "x").replace("*", "x");
        for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          requests.add(new String[] {m.name(), path});
        }
        requests.add(new String[] {"DELETE", path}); // mostly a 405 from Spring
      }
    }
    requests.add(new String[] {"GET", "/api/v1/no-such-thing/17"});
    requests.add(new String[] {"POST", "/api/v1/classes/17/registrations/"});
    requests.add(new String[] {"POST", "/api/v1/cl%61sses/17/registrations"});
    assertThat(requests).hasSizeGreaterThan(50);
    int handled = 0;
    for (String[] r : requests) {
      String withBuckets = outcome(api, true, r[0], r[1]);
      String without = outcome(api, false, r[0], r[1]);
      assertThat(withBuckets).as(r[0] + " " + r[1]).isEqualTo(without);
      if (withBuckets.contains("(")) {
        handled++;
      }
    }
    assertThat(handled).isGreaterThan(50);
    api.useBuckets(true);
  }

  private static String outcome(
      ApiHandlerMapping mapping, boolean buckets, String method, String path) {
    mapping.useBuckets(buckets);
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setContentType("application/json");
    request.addHeader("Accept", "application/json");
    try {
      HandlerExecutionChain chain = mapping.getHandler(request);
      if (chain == null) {
        return "none";
      }
      HandlerMethod handler = (HandlerMethod) chain.getHandler();
      Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
      Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
      return handler.getMethod().toGenericString()
          + " "
          + pattern
          + " "
          + (variables instanceof Map<?, ?> m ? m : "-");
    } catch (Exception e) {
      return e.getClass().getName();
    }
  }
}
