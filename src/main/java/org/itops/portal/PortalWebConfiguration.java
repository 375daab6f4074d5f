package org.itops.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.HeaderSecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The portal's page ({@code static/portal/}) at {@code /portal/}, and the security headers of everything under
 * {@code /portal}: those the webapps send as configured under {@code camunda.bpm.webapp.header-security} (XSS
 * protection, nosniff, HSTS in production), a Content-Security-Policy stricter than theirs (the page runs only its own
 * script files: no inline script, no eval), and no framing, no referrer to other sites.
 */
@Configuration(proxyBeanMethods = false)
class PortalWebConfiguration implements WebMvcConfigurer {

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none';"
      + " base-uri 'self'; block-all-mixed-content";

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/portal", "/portal/");
    registry.addViewController("/portal/").setViewName("forward:/portal/index.html");
  }

  @Bean
  FilterRegistrationBean<PortalHeaders> portalHeaders(CamundaBpmProperties camunda) {
    FilterRegistrationBean<PortalHeaders> registration =
        new FilterRegistrationBean<>(new PortalHeaders(camunda.getWebapp().getHeaderSecurity()));
    registration.addUrlPatterns("/portal", "/portal/*");
    return registration;
  }

  static class PortalHeaders extends OncePerRequestFilter {

    private final HeaderSecurityProperties webapps;

    PortalHeaders(HeaderSecurityProperties webapps) {
      this.webapps = webapps;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("Referrer-Policy", "same-origin");
      if (!webapps.isXssProtectionDisabled()) {
        response.setHeader("X-XSS-Protection", webapps.getXssProtectionValue() != null
            ? webapps.getXssProtectionValue() : "1; mode=block");
      }
      if (!webapps.isContentTypeOptionsDisabled()) {
        response.setHeader("X-Content-Type-Options", webapps.getContentTypeOptionsValue() != null
            ? webapps.getContentTypeOptionsValue() : "nosniff");
      }
      if (!webapps.isHstsDisabled()) {
        response.setHeader("Strict-Transport-Security", webapps.getHstsValue() != null ? webapps.getHstsValue()
            : "max-age=" + webapps.getHstsMaxAge() + (webapps.isHstsIncludeSubdomainsDisabled()
                ? "" : "; includeSubDomains"));
      }
      chain.doFilter(request, response);
    }
  }
}
