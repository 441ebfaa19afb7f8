package org.cmis.identity.staff;

import jakarta.servlet.DispatcherType;
import org.cmis.shared.web.Problems;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registers the staff-role check after Spring Security's filter chain (order -100). */
@Configuration(proxyBeanMethods = false)
class StaffRoleConfiguration {

  @Bean
  FilterRegistrationBean<StaffRoleFilter> staffRoleFilter(JdbcClient jdbc, Problems problems) {
    FilterRegistrationBean<StaffRoleFilter> registration =
        new FilterRegistrationBean<>(new StaffRoleFilter(jdbc, problems));
    registration.addUrlPatterns("/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(-50);
    return registration;
  }
}
