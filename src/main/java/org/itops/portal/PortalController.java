package org.itops.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.itops.platform.SessionLogin;
import org.itops.platform.SuiteText;
import org.itops.platform.SuiteTime;
import org.itops.platform.directory.DirectoryUnavailableException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal's session: who is logged in (with the CSRF token the page sends and the texts it shows), log in, log
 * out. Logging in and out change state, so they need the session's CSRF token too (a login forced on a browser by
 * another site would make its user act in the attacker's name).
 */
@RestController
class PortalController {

  /** The prefix of the portal's texts in {@code i18n/messages*.properties}. */
  static final String TEXT_PREFIX = "portal.";

  private final SessionLogin sessionLogin;
  private final SuiteText text;
  private final SuiteTime time;
  private final Map<String, String> texts;

  PortalController(SessionLogin sessionLogin, SuiteText text, SuiteTime time) {
    this.sessionLogin = sessionLogin;
    this.text = text;
    this.time = time;
    this.texts = texts(text);
  }

  record Credentials(String user, String password) {}

  @GetMapping("/portal/session")
  ResponseEntity<Map<String, Object>> session(HttpServletRequest request) {
    Map<String, Object> session = new LinkedHashMap<>();
    session.put("user", sessionLogin.userOf(request));
    session.put("csrfToken", sessionLogin.csrfToken(request));
    session.put("language", text.language().toLanguageTag());
    session.put("timeZone", time.zone().getId());
    session.put("texts", texts);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(session);
  }

  @PostMapping("/portal/login")
  ResponseEntity<Map<String, Object>> login(HttpServletRequest request, @RequestBody Credentials credentials) {
    if (!sessionLogin.csrfAccepted(request)) {
      return refused(HttpStatus.FORBIDDEN, "portal.error.csrf");
    }
    boolean accepted;
    try {
      accepted = sessionLogin.login(request, credentials.user(), credentials.password());
    } catch (DirectoryUnavailableException directoryDown) {
      return refused(HttpStatus.SERVICE_UNAVAILABLE, "portal.error.directory");
    }
    if (!accepted) {
      return refused(HttpStatus.UNAUTHORIZED, "portal.login.failed");
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(Map.of("user", credentials.user(), "csrfToken", sessionLogin.csrfToken(request)));
  }

  @PostMapping("/portal/logout")
  ResponseEntity<Map<String, Object>> logout(HttpServletRequest request) {
    if (!sessionLogin.csrfAccepted(request)) {
      return refused(HttpStatus.FORBIDDEN, "portal.error.csrf");
    }
    sessionLogin.logout(request);
    return ResponseEntity.noContent().build();
  }

  private ResponseEntity<Map<String, Object>> refused(HttpStatus status, String key) {
    return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(Map.of("message", text.get(key)));
  }

  /** Every text of the portal in the suite's language, by key (the keys are those of the English bundle). */
  private static Map<String, String> texts(SuiteText text) {
    ResourceBundle english = ResourceBundle.getBundle("i18n/messages", java.util.Locale.ROOT);
    Map<String, String> texts = new TreeMap<>();
    english.keySet().stream().filter(key -> key.startsWith(TEXT_PREFIX))
        .forEach(key -> texts.put(key.substring(TEXT_PREFIX.length()), text.get(key)));
    return Map.copyOf(texts);
  }
}
