package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.itops.SuiteTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Mail from outside the accepted sender domains ({@code itops.mail.intake.accepted-domains}), through a real IMAP
 * mailbox: it goes to the error folder even when a user of the suite has that address; with no list, any domain is
 * read.
 */
@SuiteTest
class MailFromOtherDomainsTest {

  @RegisterExtension
  static GreenMailExtension mail = IntakeMailbox.servers();

  @Autowired MailIntake intake;
  @Autowired MailIntakeProperties properties;
  @Autowired IncidentMailHandler handler;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void mailFromADomainThatIsNotAcceptedGoesToTheErrorFolder() throws Exception {
    MailIntake ownDomainOnly = new MailIntake(acceptingOnly(List.of("ITOPS.localhost")), handler,
        new SimpleMeterRegistry());
    User partner = identityService.newUser("partner" + UUID.randomUUID().toString().substring(0, 8));
    partner.setEmail(partner.getId() + "@partner.example");
    identityService.saveUser(partner);
    try {
      String outside = "Invoice portal down " + UUID.randomUUID();
      String inside = "Laptop broken " + UUID.randomUUID();
      IntakeMailbox.send(partner.getEmail(), outside, "Since this morning");
      IntakeMailbox.send("requester@itops.localhost", inside, "Black screen");

      MailIntake.Poll poll = ownDomainOnly.poll();

      assertThat(poll.refused()).isOne();
      assertThat(poll.handled()).isOne();
      assertThat(reported(outside)).isZero();
      assertThat(reported(inside)).isOne();
      IntakeMailbox.send(partner.getEmail(), outside, "Since this morning");
      assertThat(intake.poll().handled()).as("with no list of domains").isOne();
      assertThat(reported(outside)).isOne();
    } finally {
      identityService.deleteUser(partner.getId());
    }
  }

  private MailIntakeProperties acceptingOnly(List<String> domains) {
    MailIntakeProperties p = properties;
    return new MailIntakeProperties(p.enabled(), p.host(), p.port(), p.protocol(), p.username(), p.password(),
        p.folder(), p.processedFolder(), p.errorFolder(), p.pollInterval(), p.defaultCategory(), p.maxPerPoll(),
        domains, p.timeout());
  }

  private long reported(String title) {
    return jdbc.queryForObject("select count(*) from incident where title = ?", Long.class, title);
  }
}
