package org.itops.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * The portal's login: a browser session (the servlet container's, with the webapps' timeout and cookie settings)
 * that holds the user who logged in with their password, and a CSRF token bound to it. {@link RestAuthenticationFilter}
 * takes such a session on {@code /api} and {@code /engine-rest} in place of HTTP Basic, so that the page reads and
 * changes records through the same endpoints, read rules and form checks as everybody else; a state-changing request
 * of a session must carry the token in {@link #CSRF_HEADER} (another site's page cannot read it).
 */
@Component
public class SessionLogin {

  /** The header in which the page sends the session's CSRF token. */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private static final String USER = "itops.session.user";
  private static final String CSRF_TOKEN = "itops.session.csrf";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final IdentityService identityService;
  private final PasswordUpgrade passwordUpgrade;

  SessionLogin(IdentityService identityService, PasswordUpgrade passwordUpgrade) {
    this.identityService = identityService;
    this.passwordUpgrade = passwordUpgrade;
  }

  /**
   * Checks the password as the webapps' login and HTTP Basic do (the engine's identity service: the suite's users or
   * the company directory, with the lock-out after repeated wrong passwords). On success the session is given a new
   * id and a new CSRF token (a session id or token seen before the login is worth nothing after it).
   *
   * @throws org.itops.platform.directory.DirectoryUnavailableException when the company directory does not answer
   */
  public boolean login(HttpServletRequest request, String userId, String password) {
    if (userId == null || userId.isBlank() || password == null || !identityService.checkPassword(userId, password)) {
      return false;
    }
    passwordUpgrade.afterLogin(userId, password);
    request.getSession(true);
    request.changeSessionId();
    HttpSession session = request.getSession();
    session.setAttribute(USER, userId);
    session.setAttribute(CSRF_TOKEN, newToken());
    return true;
  }

  /** Ends the session (its user and token with it). */
  public void logout(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }

  /** The user of the request's session, or null when it has none or nobody logged in with it. */
  public String userOf(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null ? null : (String) session.getAttribute(USER);
  }

  /** The CSRF token of the request's session, created (with the session) when it has none yet. */
  public String csrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(true);
    String token = (String) session.getAttribute(CSRF_TOKEN);
    if (token == null) {
      token = newToken();
      session.setAttribute(CSRF_TOKEN, token);
    }
    return token;
  }

  /** Whether the request may go on: a safe method, or the session's CSRF token in {@link #CSRF_HEADER}. */
  public boolean csrfAccepted(HttpServletRequest request) {
    if (SAFE_METHODS.contains(request.getMethod())) {
      return true;
    }
    HttpSession session = request.getSession(false);
    String expected = session == null ? null : (String) session.getAttribute(CSRF_TOKEN);
    String sent = request.getHeader(CSRF_HEADER);
    return expected != null && sent != null
        && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
