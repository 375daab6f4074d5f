package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.itops.ChineseSuiteTest;
import org.itops.ShanghaiTime;
import org.itops.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An incident's mail on a Chinese installation: Chinese text, codes by their Chinese names, RFC 2047 headers, dates
 * in Asia/Shanghai.
 */
@ChineseSuiteTest
class ChineseIncidentMailTest {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @Autowired IncidentScenario incidents;
  @Autowired IncidentService incidentService;
  @Autowired IdentityService identityService;

  private final String userId = "zhang" + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void removeUser() {
    identityService.deleteUser(userId);
  }

  @Test
  void theGroupsMailIsInChineseWithEncodedHeadersAndTheDueTimesInTheSuitesZone() throws Exception {
    User engineer = identityService.newUser(userId);
    engineer.setFirstName("张伟");
    engineer.setLastName("（运维）");
    engineer.setEmail(userId + "@itops.localhost");
    identityService.saveUser(engineer);
    identityService.createMembership(userId, "ops-engineers");
    String title = "邮件服务器宕机，所有人都收不到邮件";
    String number = incidents.as("requester", () -> incidentService.report(new IncidentReport(title,
        "从今天早上九点开始，发出的邮件全部退回。", "high", "high", "server", null, null, null, null), "test"));

    incidents.triage(number, null, null);

    MimeMessage mail = Arrays.stream(smtp.getReceivedMessages())
        .filter(message -> TestMail.recipientsOf(message).contains(userId + "@itops.localhost")).findFirst()
        .orElseThrow();
    Incident record = incidents.record(number);
    assertThat(record.getPriority()).isEqualTo("P1");
    assertThat(mail.getSubject()).isEqualTo("[" + number + "] 分配给你所在组的 P1（紧急）事件：" + title);
    assertThat(mail.getHeader("Subject")[0]).as("RFC 2047 encoded").startsWith("=?UTF-8?").doesNotContain("邮件");
    InternetAddress to = (InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0];
    assertThat(to.getPersonal()).isEqualTo("张伟 （运维）");
    assertThat(mail.getHeader("To")[0]).as("RFC 2047 encoded").contains("=?UTF-8?").doesNotContain("张伟");
    assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat(text(mail)).contains(number + " 已分配给你所在的组（运维工程师）。") // codes by their Chinese names
        .contains("优先级：  P1（紧急）").contains("类别：    服务器")
        .contains("标题：    " + title)
        .contains("响应时限 " + ShanghaiTime.shown(record.getResponseDue()) + "，解决时限 "
            + ShanghaiTime.shown(record.getResolutionDue()))
        .doesNotContain("UTC+00:00").doesNotContain("What to do");
  }

  /** The body as the mail client shows it, decoded from its transfer encoding and charset. */
  private static String text(MimeMessage mail) throws Exception {
    return (String) mail.getContent();
  }
}
