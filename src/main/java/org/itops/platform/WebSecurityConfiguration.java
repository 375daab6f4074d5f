package org.itops.platform;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Authentication of the endpoints. The webapps (Cockpit, Tasklist, Admin under {@code /camunda}) have their
 * own login, CSRF protection and security headers (configured under {@code camunda.bpm.webapp});
 * everything a machine calls requires HTTP Basic credentials (or a token); the portal's page sends its session.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

  @Bean
  FilterRegistrationBean<RestAuthenticationFilter> restAuthenticationFilter(IdentityService identityService,
      PasswordUpgrade passwordUpgrade, SessionLogin sessionLogin, SuiteProperties suite, ApiErrors errors) {
    FilterRegistrationBean<RestAuthenticationFilter> registration = new FilterRegistrationBean<>(
        new RestAuthenticationFilter(identityService, passwordUpgrade, sessionLogin, suite.apiTokens(), errors));
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/*", "/mailbox");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** The language of every request's answers, noted before anything can refuse the request. */
  @Bean
  FilterRegistrationBean<RequestLanguage> requestLanguage(ApiErrors errors) {
    FilterRegistrationBean<RequestLanguage> registration = new FilterRegistrationBean<>(new RequestLanguage(errors));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  /**
   * The metrics count incidents (incident.IncidentMetrics, review.OpenWorkMetrics), changes and demands: they are for
   * those who read all of them (docs/security.md, "Who may do what").
   */
  @Bean
  FilterRegistrationBean<MetricsReaders> metricsReaders(ReadRules readRules, CurrentUser currentUser) {
    FilterRegistrationBean<MetricsReaders> registration =
        new FilterRegistrationBean<>(new MetricsReaders(readRules, currentUser, List.of("INC", "CHG", "DMD")));
    registration.addUrlPatterns("/actuator/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
    return registration;
  }

  /**
   * Bodies of our API and the engine's at most this large (webhooks, reports, task completions; deployments and
   * other uploads have their own limit): a larger one is refused with 413.
   */
  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
      @Value("${itops.api.max-body-bytes:1048576}") long maxBytes,
      @Value(UploadLimits.MAX_UPLOAD_BYTES) long maxUploadBytes, ApiErrors errors) {
    FilterRegistrationBean<RequestBodyLimitFilter> registration =
        new FilterRegistrationBean<>(new RequestBodyLimitFilter(errors, maxBytes, maxUploadBytes));
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  FilterRegistrationBean<AfterWebappLogin> afterWebappLogin(TaskFilters taskFilters, PasswordUpgrade passwordUpgrade) {
    FilterRegistrationBean<AfterWebappLogin> registration =
        new FilterRegistrationBean<>(new AfterWebappLogin(taskFilters, passwordUpgrade));
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    return registration;
  }
}
