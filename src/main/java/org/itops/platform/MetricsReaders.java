package org.itops.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who reads the metrics ({@code /actuator/prometheus}, {@code /actuator/metrics}; the health probe stays open): those
 * who read every record of the kinds the metrics count ({@link ReadRules}), administrators, and monitoring systems
 * (group {@code monitoring}: Prometheus scrapes as such a user). Runs after {@link RestAuthenticationFilter}.
 */
class MetricsReaders extends OncePerRequestFilter {

  private final ReadRules readRules;
  private final CurrentUser currentUser;
  private final List<String> countedKinds;

  /** @param countedKinds the prefixes of the record numbers of the kinds the metrics count */
  MetricsReaders(ReadRules readRules, CurrentUser currentUser, List<String> countedKinds) {
    this.readRules = readRules;
    this.currentUser = currentUser;
    this.countedKinds = List.copyOf(countedKinds);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (currentUser.groups().contains(AccessProperties.MONITORING_GROUP) || readRules.readsAllOf(countedKinds)) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"message\":\"The metrics count incidents, changes and demands: they are for those"
        + " who read all of them, administrators and monitoring systems\"}");
  }
}
