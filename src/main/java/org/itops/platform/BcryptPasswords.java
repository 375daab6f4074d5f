package org.itops.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The hash of users' passwords: bcrypt, an adaptive hash (each guess costs an attacker who stole the table tens of
 * milliseconds), stored by Camunda as {@code {BCRYPT}$2a$10$...}. Camunda hands in the password with the user's salt
 * appended; bcrypt reads at most 72 bytes, so that text is first reduced to its SHA-256 (Base64, 44 characters): long
 * passwords keep every character, and the inner digest is salted per user.
 *
 * <p>Camunda's {@code PasswordEncryptor} lives in an {@code impl} package: it is the engine's only way to choose the
 * hash of its users' passwords.
 */
final class BcryptPasswords implements PasswordEncryptor {

  static final String ALGORITHM = "BCRYPT";
  /** bcrypt's cost: 2^10 rounds, 80 to 150 ms per check on the 2-core build machine (docs/benchmarks.md). */
  static final int COST = 10;

  @Override
  public String encrypt(String saltedPassword) {
    return BCrypt.hashpw(digest(saltedPassword), BCrypt.gensalt(COST));
  }

  @Override
  public boolean check(String saltedPassword, String hash) {
    try {
      return BCrypt.checkpw(digest(saltedPassword), hash);
    } catch (IllegalArgumentException notBcrypt) {
      return false;
    }
  }

  @Override
  public String hashAlgorithmName() {
    return ALGORITHM;
  }

  private static String digest(String saltedPassword) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
          .digest(saltedPassword.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
