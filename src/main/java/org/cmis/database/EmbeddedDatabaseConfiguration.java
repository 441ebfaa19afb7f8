package org.cmis.database;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Ties the embedded server's life to the application context's. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("cmis.database.embedded-dir")
class EmbeddedDatabaseConfiguration {

  static final String LIFECYCLE_BEAN = "embeddedDatabaseLifecycle";

  @Bean(LIFECYCLE_BEAN)
  EmbeddedDatabaseLifecycle embeddedDatabaseLifecycle(
      @Value("${cmis.database.embedded-dir}") String dataDir) {
    return new EmbeddedDatabaseLifecycle(Path.of(dataDir));
  }

  /** The data source depends on the server, so it is closed before the server stops. */
  @Bean
  static BeanFactoryPostProcessor dataSourceDependsOnEmbeddedDatabase() {
    return beanFactory -> {
      if (beanFactory.containsBeanDefinition("dataSource")) {
        beanFactory.getBeanDefinition("dataSource").setDependsOn(LIFECYCLE_BEAN);
      }
    };
  }
}
