package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Passwords over real HTTP: stored as bcrypt; a SHA-512 hash that Camunda wrote before logs in and is stored as bcrypt
 * from then on, at the REST APIs and at the webapps' login; wrong passwords lock the user out, also one whose right
 * password was verified a moment before.
 */
@SuiteTest
class PasswordsTest {

  private static final String PASSWORD = "Correct-Horse-7";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  SuiteClient client;
  String userId;

  @BeforeEach
  void newUser() {
    client = new SuiteClient(port);
    // a user of its own: wrong passwords lock it, and a login stores its hash anew
    userId = "passwords" + System.nanoTime();
    User user = identityService.newUser(userId);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(userId, "requesters");
  }

  @AfterEach
  void deleteUser() {
    ClockUtil.reset();
    identityService.deleteUser(userId);
  }

  @Test
  void aPasswordIsStoredAsBcrypt() {
    assertThat(storedHash()).startsWith("{BCRYPT}$2a$10$");
    assertThat(get(PASSWORD)).isEqualTo(200);
  }

  @Test
  void anOldSha512HashLogsInOverRestAndIsThenStoredAsBcrypt() throws Exception {
    storeAsSha512(PASSWORD);

    assertThat(get(PASSWORD)).isEqualTo(200);

    assertThat(storedHash()).startsWith("{BCRYPT}");
    assertThat(identityService.checkPassword(userId, PASSWORD)).isTrue();
  }

  @Test
  void anOldSha512HashLogsIntoTheWebappsAndIsThenStoredAsBcrypt() throws Exception {
    storeAsSha512(PASSWORD);

    assertThat(client.webappLogin(userId, PASSWORD, "tasklist")).isEqualTo(200);

    assertThat(storedHash()).startsWith("{BCRYPT}");
    assertThat(identityService.checkPassword(userId, PASSWORD)).isTrue();
  }

  @Test
  void anOldSha512HashStaysWhenTheLoginFails() throws Exception {
    storeAsSha512(PASSWORD);

    assertThat(get("not-the-password")).isEqualTo(401);

    assertThat(storedHash()).startsWith("{SHA-512}");
  }

  @Test
  void aWrongPasswordLocksTheUserOutAlsoRightAfterTheRightOneWasVerified() {
    // the engine's clock stands still: the lock after a wrong password lasts until it moves
    ClockUtil.setCurrentTime(new Date());
    assertThat(get(PASSWORD)).isEqualTo(200);

    assertThat(get("a-guess")).isEqualTo(401);

    assertThat(get(PASSWORD)).as("locked, and not let in by the verified password of a moment ago").isEqualTo(401);
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(2).toMillis()));
    assertThat(get(PASSWORD)).isEqualTo(200);
  }

  /** The status of a GET that any logged-in user may make. */
  private int get(String password) {
    return client.send(client.request(null, "/engine-rest/task?maxResults=1")
        .header("Authorization", SuiteClient.basic(userId, password)).GET()).statusCode();
  }

  private String storedHash() {
    return jdbc.queryForObject("select pwd_ from act_id_user where id_ = ?", String.class, userId);
  }

  /** The hash as Camunda wrote it before the suite used bcrypt: SHA-512 of the password and the user's salt. */
  private void storeAsSha512(String password) throws Exception {
    String salt = jdbc.queryForObject("select salt_ from act_id_user where id_ = ?", String.class, userId);
    String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512")
        .digest((password + salt).getBytes(StandardCharsets.UTF_8)));
    jdbc.update("update act_id_user set pwd_ = ? where id_ = ?", "{SHA-512}" + hash, userId);
    assertThat(identityService.checkPassword(userId, password)).as("Camunda verifies the SHA-512 hash").isTrue();
  }
}
