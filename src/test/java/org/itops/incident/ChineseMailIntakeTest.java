package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.itops.ChineseSuiteTest;
import org.itops.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A mail in Chinese (RFC 2047 subject and sender name, UTF-8 body) reports an incident as it was typed. */
@ChineseSuiteTest
class ChineseMailIntakeTest {

  @RegisterExtension
  static GreenMailExtension mail = IntakeMailbox.servers();

  @Autowired MailIntake intake;
  @Autowired IncidentScenario scenario;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aChineseMailBecomesAnIncidentWithItsTitleAndTextAsTypedAndTheAnswerIsChinese() throws Exception {
    String subject = "VPN 无法连接，提示证书过期 " + UUID.randomUUID().toString().substring(0, 6);
    String body = "从今天上午开始，在家办公时无法连接 VPN。\n错误提示：证书已过期。";
    MimeMessage message = IntakeMailbox.message("requester@itops.localhost", "x", "x");
    message.setFrom(new InternetAddress("requester@itops.localhost", "王小明", StandardCharsets.UTF_8.name()));
    message.setSubject(subject, StandardCharsets.UTF_8.name());
    message.setText(body, StandardCharsets.UTF_8.name());
    message.saveChanges();
    assertThat(message.getHeader("Subject")[0]).startsWith("=?UTF-8?");
    IntakeMailbox.deliver(mail, message);

    assertThat(intake.poll().handled()).isEqualTo(1);

    Map<String, Object> incident = jdbc.queryForMap("select number, reporter, description from incident"
        + " where title = ?", subject);
    assertThat(incident).containsEntry("REPORTER", "requester").containsEntry("DESCRIPTION", body);
    String number = (String) incident.get("NUMBER");
    scenario.runMailJobs(number);
    assertThat(Arrays.stream(mail.getReceivedMessages()).map(TestMail::subject))
        .contains("[" + number + "] 已受理：" + subject);
  }
}
