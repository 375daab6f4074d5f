package org.itops.platform;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Replaces a password hash of an older algorithm (Camunda's SHA-512) by bcrypt when its user has just logged in with
 * the password: called by both logins, the REST APIs' HTTP Basic ({@link RestAuthenticationFilter}) and the webapps'
 * form ({@link AfterWebappLogin}).
 */
@Component
class PasswordUpgrade {

  private static final Logger LOG = LoggerFactory.getLogger(PasswordUpgrade.class);
  private static final String BCRYPT_PREFIX = "{" + BcryptPasswords.ALGORITHM + "}";

  private final IdentityService identityService;
  private final CurrentUser currentUser;

  PasswordUpgrade(IdentityService identityService, CurrentUser currentUser) {
    this.identityService = identityService;
    this.currentUser = currentUser;
  }

  /**
   * The user has just logged in with this password. Never fails the login: a refusal (e.g. by a password policy
   * switched on after the password was set, or a concurrent login that upgraded it first) keeps the older hash.
   */
  void afterLogin(String userId, String password) {
    if (identityService.isReadOnly()) {
      return; // the company directory keeps the passwords (profile ldap): the suite stores none
    }
    try {
      currentUser.asSystem(() -> {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user != null && user.getPassword() != null && !user.getPassword().startsWith(BCRYPT_PREFIX)) {
          user.setPassword(password);
          identityService.saveUser(user);
          LOG.info("Stored the password of user '{}' as bcrypt", userId);
        }
        return null;
      });
    } catch (RuntimeException e) {
      LOG.warn("Kept the older password hash of user '{}': {}", userId, e.getMessage());
    }
  }
}
