package org.itops.platform;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link EngineApiGuard} behind the logins: behind {@link RestAuthenticationFilter} for
 * {@code /engine-rest}, and behind the webapps' own authentication filter for {@code /camunda/api/engine}, which
 * Camunda's webapp starter registers itself. Servlet filters of equal order run in the order their registrations
 * are made, so this is an auto-configuration that comes after the webapps' (listed in
 * {@code META-INF/spring/...AutoConfiguration.imports}), and its filter is mapped after those registered before.
 */
@AutoConfiguration(after = CamundaBpmWebappAutoConfiguration.class)
class EngineApiGuardConfiguration {

  @Bean
  FilterRegistrationBean<EngineApiGuard> engineApiGuard(CurrentUser currentUser, FormFields formFields,
      TaskService taskService, RepositoryService repositoryService,
      @Value("${itops.api.max-variable-bytes:65536}") int maxVariableBytes, ApiErrors errors) {
    FilterRegistrationBean<EngineApiGuard> registration = new FilterRegistrationBean<>(
        new EngineApiGuard(currentUser, formFields, taskService, repositoryService, maxVariableBytes, errors));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setMatchAfter(true);
    return registration;
  }
}
