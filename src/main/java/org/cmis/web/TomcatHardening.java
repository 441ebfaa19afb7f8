package org.cmis.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Tomcat's part of ADR 0011: a bound on the pauses within a body as well as within the headers, and
 * its error report replaced by ours. Runs after Boot's own customizer, which adds Tomcat's default
 * error report valve.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpProperties.class)
class TomcatHardening {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatLimits(
      HttpProperties http, ObjectProvider<ErrorResponses> errors) {
    return new Customizer(http, errors);
  }

  private record Customizer(HttpProperties http, ObjectProvider<ErrorResponses> errors)
      implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addConnectorCustomizers(
          connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> protocol) {
              protocol.setDisableUploadTimeout(false);
              protocol.setConnectionUploadTimeout((int) http.readTimeout().toMillis());
            }
          });
      factory.addContextValves(new CutBodyValve());
      factory.addContextCustomizers(
          context -> {
            if (!(context.getParent() instanceof StandardHost host)) {
              return;
            }
            for (Valve valve : host.getPipeline().getValves()) {
              if (valve instanceof ErrorReportValve && !(valve instanceof ContainerErrorValve)) {
                host.getPipeline().removeValve(valve);
              }
            }
            host.setErrorReportValveClass(ContainerErrorValve.class.getName());
            host.getPipeline().addValve(new ContainerErrorValve(errors));
          });
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }
}
