package org.itops.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.itops.platform.directory.DirectoryUnavailableException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authentication of the machine-facing endpoints (the engine REST API, our {@code /api}, actuator): HTTP Basic
 * against Camunda's identity, a bearer token configured for a user ({@code itops.api-tokens}), or the portal's
 * session ({@link SessionLogin}; a state-changing request of a session only with its CSRF token). The authenticated
 * user and groups are handed to the engine for the request, so that Camunda's authorization checks apply to
 * everything done on the user's behalf.
 */
class RestAuthenticationFilter extends OncePerRequestFilter {

  /** Answer without login: the engine list (Camunda Modeler's connection test) and the health probe. */
  private static final Set<String> OPEN_PATHS =
      Set.of("/engine-rest/engine", "/engine-rest/engine/", "/actuator/health");

  /**
   * How long a verified password and a user's memberships are taken without asking the engine again: passwords are
   * bcrypt hashes (tens of milliseconds per check) and machines send theirs with every request. So a changed
   * password, a removed membership, or a locked or deleted user reaches the REST APIs within this time (on each node
   * that verified it); the old password of a user keeps working for at most this long after a change.
   */
  static final long LOGIN_TTL_MILLIS = 30_000;

  private final IdentityService identityService;
  private final PasswordUpgrade passwordUpgrade;
  private final SessionLogin sessionLogin;
  private final Map<String, String> apiTokens;
  private final ApiErrors errors;
  private final Map<String, Memberships> memberships = new ConcurrentHashMap<>();
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();
  /** The engine's checks of a password running now, by user and keyed hash, for the requests that bring it too. */
  private final Map<String, CompletableFuture<Boolean>> checking = new ConcurrentHashMap<>();
  /** The key of the verified passwords' hashes: random, in this node's memory only. */
  private final SecretKeySpec verifiedKey;

  RestAuthenticationFilter(IdentityService identityService, PasswordUpgrade passwordUpgrade,
      SessionLogin sessionLogin, Map<String, String> apiTokens, ApiErrors errors) {
    this.identityService = identityService;
    this.passwordUpgrade = passwordUpgrade;
    this.sessionLogin = sessionLogin;
    this.apiTokens = apiTokens;
    this.errors = errors;
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.verifiedKey = new SecretKeySpec(key, "HmacSHA256");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return OPEN_PATHS.contains(path) || path.startsWith("/actuator/health/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    String sessionUser = header == null ? sessionLogin.userOf(request) : null;
    String userId;
    if (sessionUser != null) {
      if (!sessionLogin.csrfAccepted(request)) {
        answer(request, response, HttpServletResponse.SC_FORBIDDEN, "api.csrfMissing", SessionLogin.CSRF_HEADER);
        return;
      }
      userId = sessionUser;
    } else if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      userId = tokenOwner(header.substring(7).trim());
      if (userId == null) {
        reject(request, response, "api.unauthorized.token");
        return;
      }
    } else {
      String[] credentials = basicCredentials(header);
      if (credentials == null) {
        if (request.getHeader(SessionLogin.CSRF_HEADER) != null) {
          // the portal's page, whose session has ended: no Basic challenge, which would open the browser's prompt
          answer(request, response, HttpServletResponse.SC_UNAUTHORIZED, "api.sessionEnded");
          return;
        }
        reject(request, response, "api.unauthorized");
        return;
      }
      userId = credentials[0];
      try {
        if (!passwordAccepted(userId, credentials[1])) {
          reject(request, response, "api.unauthorized.password");
          return;
        }
      } catch (DirectoryUnavailableException directoryDown) {
        unavailable(request, response);
        return;
      }
    }
    Memberships memberships;
    try {
      memberships = memberships(userId);
    } catch (DirectoryUnavailableException directoryDown) {
      unavailable(request, response);
      return;
    }
    identityService.setAuthentication(userId, memberships.groups(), memberships.tenants());
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** A password the engine accepted, as its keyed hash (never the password itself), and when it was accepted. */
  private record Verified(byte[] hash, long at) {}

  /**
   * Whether the password is the user's: the engine's answer, or the same answer given for the same password less than
   * {@link #LOGIN_TTL_MILLIS} ago. A wrong password always goes to the engine (it counts for the lock-out) and makes
   * the next right one go there too; a right one replaces an older hash by bcrypt. Requests that bring the same
   * password while the engine checks it wait for that check instead of starting their own: a machine's requests in
   * parallel would otherwise all pay the bcrypt check each time the verified password expires.
   */
  boolean passwordAccepted(String userId, String password) {
    byte[] hash = keyedHash(userId, password);
    Verified known = verified.get(userId);
    if (known != null && System.currentTimeMillis() - known.at() < LOGIN_TTL_MILLIS
        && MessageDigest.isEqual(known.hash(), hash)) {
      return true;
    }
    String check = userId + '\0' + HexFormat.of().formatHex(hash);
    CompletableFuture<Boolean> mine = new CompletableFuture<>();
    CompletableFuture<Boolean> running = checking.putIfAbsent(check, mine);
    if (running != null) {
      // its acceptance is ours; a rejection is not shared, so that each wrong attempt reaches the engine
      return running.join() || engineAccepts(userId, password, hash);
    }
    boolean accepted = false;
    try {
      accepted = engineAccepts(userId, password, hash);
      return accepted;
    } finally {
      checking.remove(check, mine);
      mine.complete(accepted);
    }
  }

  private boolean engineAccepts(String userId, String password, byte[] hash) {
    long now = System.currentTimeMillis();
    if (!identityService.checkPassword(userId, password)) {
      verified.remove(userId);
      return false;
    }
    verified.put(userId, new Verified(hash, now));
    passwordUpgrade.afterLogin(userId, password);
    return true;
  }

  private byte[] keyedHash(String userId, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(verifiedKey);
      return mac.doFinal((userId + '\0' + password).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
    }
  }

  /** A user's groups and tenants as read at a moment; machines call often, so they are kept a short while. */
  private record Memberships(List<String> groups, List<String> tenants, long readAt) {}

  private Memberships memberships(String userId) {
    long now = System.currentTimeMillis();
    Memberships known = memberships.get(userId);
    if (known != null && now - known.readAt() < LOGIN_TTL_MILLIS) {
      return known;
    }
    List<String> groups = identityService.createGroupQuery().groupMember(userId).unlimitedList().stream()
        .map(Group::getId).toList();
    List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
        .unlimitedList().stream().map(Tenant::getId).toList();
    Memberships read = new Memberships(groups, tenants, now);
    memberships.put(userId, read);
    return read;
  }

  /** The user whose configured token this is (compared in constant time), or null. */
  private String tokenOwner(String token) {
    byte[] presented = token.getBytes(StandardCharsets.UTF_8);
    String owner = null;
    for (Map.Entry<String, String> entry : apiTokens.entrySet()) {
      String configured = entry.getValue();
      if (configured != null && !configured.isBlank()
          && MessageDigest.isEqual(presented, configured.getBytes(StandardCharsets.UTF_8))) {
        owner = entry.getKey();
      }
    }
    return owner;
  }

  /** user and password of a Basic header, or null when the header is missing or malformed. */
  private static String[] basicCredentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    int colon = decoded.indexOf(':');
    return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }

  /** The company directory does not answer (profile ldap): nobody's password or groups can be checked now. */
  private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader("Retry-After", "60");
    answer(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "api.directoryUnavailable");
  }

  private void reject(HttpServletRequest request, HttpServletResponse response, String messageKey)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Basic realm=\"ITOps Process Suite\", charset=\"UTF-8\"");
    answer(request, response, HttpServletResponse.SC_UNAUTHORIZED, messageKey);
  }

  private void answer(HttpServletRequest request, HttpServletResponse response, int status, String messageKey,
      Object... arguments) throws IOException {
    ApiErrors.write(response, status, errors.body(errors.language(request), messageKey, List.of(), arguments));
  }
}
