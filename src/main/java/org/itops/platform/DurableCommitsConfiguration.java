package org.itops.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Durable commits: PostgreSQL has them by default ({@code synchronous_commit}); the embedded H2 file database gets
 * them from {@link H2GroupCommit}. An in-memory H2 (the tests) has no file to wait for.
 */
@Configuration(proxyBeanMethods = false)
class DurableCommitsConfiguration {

  @Bean
  static BeanPostProcessor h2GroupCommit() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        // every H2 URL but an in-memory one: jdbc:h2:./data, jdbc:h2:file:, and a server's (tcp:) keep files too
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
            && hikari.getJdbcUrl().startsWith("jdbc:h2:") && !hikari.getJdbcUrl().startsWith("jdbc:h2:mem:")) {
          return new H2GroupCommit(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword()).durable(hikari);
        }
        return bean;
      }
    };
  }
}
