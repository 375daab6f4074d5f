package org.itops.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * After a successful login to the webapps ({@code POST /camunda/api/admin/auth/user/<engine>/login/<app>}): makes
 * sure the user has a personal "My tasks" filter (see {@link TaskFilters}) and replaces an older hash of the password
 * by bcrypt ({@link PasswordUpgrade}). A failure here is logged and never fails the login.
 */
class AfterWebappLogin extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(AfterWebappLogin.class);

  private final TaskFilters taskFilters;
  private final PasswordUpgrade passwordUpgrade;

  AfterWebappLogin(TaskFilters taskFilters, PasswordUpgrade passwordUpgrade) {
    this.taskFilters = taskFilters;
    this.passwordUpgrade = passwordUpgrade;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !request.getRequestURI().contains("/login/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingRequestWrapper cached = new ContentCachingRequestWrapper(request);
    chain.doFilter(cached, response);
    if (response.getStatus() != HttpServletResponse.SC_OK) {
      return;
    }
    String userId = formField(cached, "username");
    if (userId == null) {
      return;
    }
    String password = formField(cached, "password");
    if (password != null) {
      passwordUpgrade.afterLogin(userId, password);
    }
    try {
      taskFilters.ensurePersonalFilter(userId);
    } catch (RuntimeException e) {
      LOG.warn("Could not create the 'My tasks' filter of user '{}'", userId, e);
    }
  }

  private static String formField(ContentCachingRequestWrapper request, String name) {
    String value = formValue(request.getContentAsString(), name);
    return value != null ? value : request.getParameter(name);
  }

  private static String formValue(String form, String name) {
    for (String pair : form.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && name.equals(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8))) {
        return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
