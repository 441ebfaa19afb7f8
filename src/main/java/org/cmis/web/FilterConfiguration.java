package org.cmis.web;

import jakarta.servlet.DispatcherType;
import org.cmis.shared.web.Problems;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Servlet filters that stand in front of security, and those that need its caller. */
@Configuration(proxyBeanMethods = false)
class FilterConfiguration {

  /**
   * The order of the idempotency filter: after Spring Security's filter chain (order -100), which
   * has set the caller, and inside it, before the controllers.
   */
  static final int IDEMPOTENCY_ORDER = 0;

  /** Every body, pages' forms included, before anything reads it (ADR 0011). */
  @Bean
  FilterRegistrationBean<PayloadLimitFilter> payloadLimitFilter(
      ErrorResponses errors, HttpProperties http) {
    FilterRegistrationBean<PayloadLimitFilter> registration =
        new FilterRegistrationBean<>(
            new PayloadLimitFilter(errors, http.bodyTimeout(), http.maxConcurrentUploads()));
    registration.addUrlPatterns("/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setAsyncSupported(true);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** A bean of its own so that its scheduled purge runs; registered only on the API below. */
  @Bean
  IdempotencyFilter idempotencyFilter(JdbcClient jdbc, Problems problems) {
    return new IdempotencyFilter(jdbc, problems);
  }

  @Bean
  FilterRegistrationBean<IdempotencyFilter> idempotencyFilterRegistration(
      IdempotencyFilter idempotencyFilter) {
    FilterRegistrationBean<IdempotencyFilter> registration =
        new FilterRegistrationBean<>(idempotencyFilter);
    registration.addUrlPatterns("/api/*");
    registration.setOrder(IDEMPOTENCY_ORDER);
    return registration;
  }
}
