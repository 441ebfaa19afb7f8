package org.cmis.web;

import org.cmis.shared.web.Problems;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Servlet filters that stand in front of security. */
@Configuration(proxyBeanMethods = false)
class FilterConfiguration {

  @Bean
  FilterRegistrationBean<PayloadLimitFilter> payloadLimitFilter(Problems problems) {
    FilterRegistrationBean<PayloadLimitFilter> registration =
        new FilterRegistrationBean<>(new PayloadLimitFilter(problems));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
