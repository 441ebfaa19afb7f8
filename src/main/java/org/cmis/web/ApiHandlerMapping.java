package org.cmis.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC finds the handler of a path with a variable ({@code
 * /api/v1/classes/{id}/registrations}) by trying every mapping of the application, about 200, on
 * every request: 10 % of the rush's request-thread CPU (ADR 0040). This mapping first looks among
 * the mappings whose first three segments are the request's ({@code /api/v1/classes}), plus those
 * with a variable or wildcard there, which are the only ones that can match it, with Spring's own
 * matching, ordering and details; whenever that finds nothing, or two equally good, or the request
 * is a CORS preflight, Spring's full lookup decides as before (its 404, 405, 415 and ambiguity
 * answers).
 */
class ApiHandlerMapping extends RequestMappingHandlerMapping {

  private static final String PREFIX = "/api/";
  private static final int DEPTH = 3;

  /** The mappings by the first {@value #DEPTH} segments of their patterns. */
  private record Index(
      Map<String, List<RequestMappingInfo>> buckets,
      List<RequestMappingInfo> wild,
      Map<RequestMappingInfo, HandlerMethod> methods,
      Map<RequestMappingInfo, Set<String>> directPaths) {}

  private volatile @Nullable Index index;
  private volatile boolean buckets = true;

  @Configuration(proxyBeanMethods = false)
  static class Registration {

    @Bean
    WebMvcRegistrations apiHandlerMappingRegistrations() {
      return new WebMvcRegistrations() {
        @Override
        public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
          return new ApiHandlerMapping();
        }
      };
    }
  }

  /** For tests: Spring's own lookup only. */
  void useBuckets(boolean use) {
    this.buckets = use;
  }

  @Override
  protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
    super.registerHandlerMethod(handler, method, mapping);
    index = null;
  }

  @Override
  public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
    super.registerMapping(mapping, handler, method);
    index = null;
  }

  @Override
  public void unregisterMapping(RequestMappingInfo mapping) {
    super.unregisterMapping(mapping);
    index = null;
  }

  @Override
  protected @Nullable HandlerMethod lookupHandlerMethod(
      String lookupPath, HttpServletRequest request) throws Exception {
    String key = buckets ? key(lookupPath) : null;
    if (key == null || CorsUtils.isPreFlightRequest(request)) {
      return super.lookupHandlerMethod(lookupPath, request);
    }
    Index in = index();
    List<RequestMappingInfo> candidates = in.buckets().getOrDefault(key, in.wild());
    // as Spring: the mappings of the exact path first, the patterns only when none matched
    List<RequestMappingInfo[]> matches = new ArrayList<>();
    for (RequestMappingInfo info : candidates) {
      if (in.directPaths().get(info).contains(lookupPath)) {
        add(matches, info, request);
      }
    }
    if (matches.isEmpty()) {
      for (RequestMappingInfo info : candidates) {
        add(matches, info, request);
      }
    }
    if (matches.isEmpty()) {
      return super.lookupHandlerMethod(lookupPath, request);
    }
    Comparator<RequestMappingInfo> order = getMappingComparator(request);
    matches.sort((a, b) -> order.compare(a[0], b[0]));
    if (matches.size() > 1 && order.compare(matches.get(0)[0], matches.get(1)[0]) == 0) {
      return super.lookupHandlerMethod(lookupPath, request); // Spring names the ambiguity
    }
    RequestMappingInfo[] best = matches.get(0);
    HandlerMethod method = in.methods().get(best[1]);
    if (method == null) {
      return super.lookupHandlerMethod(lookupPath, request);
    }
    request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, method);
    handleMatch(best[0], lookupPath, request);
    return method;
  }

  private void add(
      List<RequestMappingInfo[]> matches, RequestMappingInfo info, HttpServletRequest r) {
    RequestMappingInfo match = getMatchingMapping(info, r);
    if (match != null) {
      matches.add(new RequestMappingInfo[] {match, info});
    }
  }

  private Index index() {
    Index in = index;
    if (in == null) {
      Map<RequestMappingInfo, HandlerMethod> methods = getHandlerMethods();
      Map<String, List<RequestMappingInfo>> byKey = new HashMap<>();
      List<RequestMappingInfo> wild = new ArrayList<>();
      Map<RequestMappingInfo, Set<String>> direct = new HashMap<>();
      for (RequestMappingInfo info : methods.keySet()) {
        direct.put(info, getDirectPaths(info));
        boolean isWild = false;
        for (String pattern : info.getPatternValues()) {
          String key = patternKey(pattern);
          if (key != null) {
            List<RequestMappingInfo> bucket = byKey.computeIfAbsent(key, k -> new ArrayList<>());
            if (!bucket.contains(info)) {
              bucket.add(info);
            }
          } else if (mayMatchApi(pattern)) {
            isWild = true;
          }
        }
        if (isWild || info.getPatternValues().isEmpty()) {
          wild.add(info);
        }
      }
      for (List<RequestMappingInfo> bucket : byKey.values()) {
        for (RequestMappingInfo w : wild) {
          if (!bucket.contains(w)) {
            bucket.add(w);
          }
        }
      }
      in = new Index(byKey, wild, methods, direct);
      index = in;
    }
    return in;
  }

  /** The first {@value #DEPTH} segments of an API path, or null when it is not one. */
  static @Nullable String key(String path) {
    if (!path.startsWith(PREFIX)) {
      return null;
    }
    int end = 0;
    for (int i = 0; i < DEPTH; i++) {
      end = path.indexOf('/', end + 1);
      if (end < 0) {
        return i == DEPTH - 1 && path.length() > path.lastIndexOf('/') + 1 ? path : null;
      }
    }
    return path.substring(0, end);
  }

  /** The key of a pattern whose first {@value #DEPTH} segments are literal, else null. */
  static @Nullable String patternKey(String pattern) {
    String key = key(pattern);
    return key != null && literal(key) ? key : null;
  }

  /**
   * Whether a pattern without a literal key could still match an API path: its literal start (up to
   * the first variable or wildcard) is compatible with {@value #PREFIX}. A literal pattern only
   * matches itself; {@code /manage/classes/{id}} never matches under {@code /api/}.
   */
  static boolean mayMatchApi(String pattern) {
    if (literal(pattern)) {
      return false;
    }
    int special = pattern.length();
    for (char c : new char[] {'{', '*', '?'}) {
      int i = pattern.indexOf(c);
      if (i >= 0 && i < special) {
        special = i;
      }
    }
    String start = pattern.substring(0, special);
    return start.startsWith(PREFIX) || PREFIX.startsWith(start);
  }

  private static boolean literal(String pattern) {
    return pattern.indexOf('{') < 0 && pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0;
  }
}
