package org.itops.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.itops.ProcessSteps;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A member who gives themselves a bad address, through a real SMTP server (GreenMail): mail goes to each recipient
 * on its own, so the bad address holds back only that member's mail, and a retry sends to nobody already served.
 */
@SuiteTest
class MailPerRecipientTest {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @Autowired MailOutbox outbox;
  @Autowired IdentityService identityService;
  @Autowired ProcessSteps steps;
  String group;
  String record;

  @BeforeEach
  void aGroupWithABadAddress() {
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    group = "team-" + suffix;
    record = "TST-" + suffix;
    identityService.saveGroup(identityService.newGroup(group));
    member("ann" + suffix, "ann" + suffix + "@itops.localhost");
    member("bob" + suffix, "bob" + suffix + "@itops.localhost, boss@evil.example");
    member("cyd" + suffix, "cyd" + suffix + "@itops.localhost");
  }

  @AfterEach
  void removeTheGroup() {
    identityService.createUserQuery().memberOfGroup(group).list().forEach(user -> identityService.deleteUser(user.getId()));
    identityService.deleteGroup(group);
  }

  @Test
  void aBadAddressOfOneMemberDoesNotStopTheMailToTheOthers() {
    notifyTheGroup();

    List<String> failures = steps.runMailJobsUntilTheyFail(record);

    assertThat(failures).singleElement().asString().contains("Cannot mail user '" + user("bob") + "'")
        .contains("boss@evil.example").contains("Correct it in Admin");
    assertThat(TestMail.recipients(smtp)).containsExactlyInAnyOrder(List.of(address("ann")), List.of(address("cyd")));
  }

  @Test
  void aRetrySendsOnlyToTheRecipientsNotYetServed() {
    notifyTheGroup();
    steps.runMailJobsUntilTheyFail(record);
    User bob = identityService.createUserQuery().userId(user("bob")).singleResult();
    bob.setEmail(address("bob"));
    identityService.saveUser(bob); // the address corrected in Admin

    steps.retryFailedMailJobs(record);

    assertThat(TestMail.recipients(smtp)).containsExactlyInAnyOrder(List.of(address("ann")), List.of(address("bob")),
        List.of(address("cyd")));
    assertThat(steps.mailDeliveries(record)).isEmpty();
  }

  private void notifyTheGroup() {
    outbox.request(new NotificationService.Notification("fixture-work-done", record, List.of(group), List.of(),
        Map.of("summary", "Disk full"), null, "notifyDone"));
  }

  private void member(String id, String email) {
    User user = identityService.newUser(id);
    user.setEmail(email);
    identityService.saveUser(user);
    identityService.createMembership(id, group);
  }

  private String user(String name) {
    return name + group.substring("team-".length());
  }

  private String address(String name) {
    return user(name) + "@itops.localhost";
  }
}
