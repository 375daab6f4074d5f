package org.itops.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.itops.ReadAttempts;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The read rule of the dev mailbox (docs/security.md, "Who may do what"): administrators read all mail, everybody else
 * the mail sent to exactly their own address. A user sets their own address (Camunda lets every user edit their
 * profile), so a user tries to read the security team's mail by taking its address, or an address that is part of every
 * address.
 */
@SuiteTest
class AUserCannotReadAnotherUsersMail {

  @LocalServerPort int port;
  @Autowired GreenMail devMailServer;
  @Autowired IdentityService identityService;
  SuiteClient client;
  String curious;
  String subject;

  @BeforeEach
  void theSecurityTeamGetsAMail() {
    client = new SuiteClient(port);
    curious = ReadAttempts.newUser(identityService, "curious", "requesters");
    subject = "[SEC-000042] Breach notification due " + UUID.randomUUID();
    GreenMailUtil.sendTextEmail("secops@itops.localhost", "itops@localhost", subject, "Customer data exposed",
        new ServerSetup(devMailServer.getSmtp().getPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  @AfterEach
  void deleteTheCuriousUser() {
    identityService.deleteUser(curious);
  }

  @Test
  void notWithAnAddressThatIsPartOfTheirs() {
    setOwnAddress("itops.localhost");

    assertThat(mailbox(curious)).doesNotContain(subject);
    assertThat(mailbox("secops")).contains(subject);
  }

  @Test
  void notByTakingTheirAddress() {
    setOwnAddress("secops@itops.localhost");

    assertThat(mailbox(curious)).doesNotContain(subject).doesNotContain("Customer data");
    assertThat(mailbox("secops")).as("an address two users have shows neither of them anything")
        .doesNotContain(subject);
    setOwnAddress(curious + "@itops.localhost");
    assertThat(mailbox("secops")).contains(subject);
  }

  @Test
  void notWithoutAnAddress() {
    setOwnAddress("");

    assertThat(mailbox(curious)).doesNotContain(subject);
    assertThat(mailbox("demo")).as("administrators read all mail").contains(subject);
  }

  /** As Admin's "Profile" does: every user may edit their own profile through the engine's REST API. */
  private void setOwnAddress(String address) {
    var changed = client.send(client.request(curious, "/engine-rest/user/" + curious + "/profile")
        .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"id\":\"" + curious + "\",\"firstName\":\"Curious\",\"lastName\":\"User\",\"email\":\"" + address
                + "\"}")));
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
  }

  private String mailbox(String user) {
    var page = client.get(user, "/mailbox");
    assertThat(page.statusCode()).isEqualTo(200);
    return page.body();
  }
}
