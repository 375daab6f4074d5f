package org.itops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.itops.ChineseSuiteTest;
import org.itops.ShanghaiTime;
import org.itops.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The incident story of {@link IncidentStoryIT} as a Chinese team lives it: the suite in Simplified Chinese
 * ({@code itops.language=zh-CN}), every browser asking for zh-CN. The requester reports in Chinese, the desk and
 * the engineer work with the Chinese forms, and what people typed stays as typed while option values stay the
 * values the processes route on, shown by their Chinese names; the requester's mail is in Chinese. Tasks are opened
 * by their id: the story is about the forms and names of the processes, not the Tasklist filters.
 */
@EndToEndTest
@ChineseInstallation
class IncidentStoryInChineseIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;

  @Test
  void aChineseTeamTakesAnIncidentFromTheReportToItsClosure() throws Exception {
    String title = "共享盘 S: 无法访问 " + UUID.randomUUID().toString().substring(0, 8);
    String notes = "更换了故障的交换机端口，S 盘已恢复";
    IncidentRecords incidents = new IncidentRecords(jdbc);
    try (Browser browser = new Browser(port, Locale.SIMPLIFIED_CHINESE)) {
      browser.login("tasklist", "requester");
      assertThat(browser.pageText()).contains("启动流程"); // Tasklist itself speaks Chinese
      browser.startProcess("事件生命周期");
      assertThat(browser.formText()).contains("报告事件", "标题", "发生了什么？", "影响度", "紧急度");
      // form-js's own words in Chinese too: the empty select, and the messages of the fields left empty
      assertThat(browser.formText()).contains("请选择").doesNotContain("Select");
      browser.submitStartForm();
      browser.eventually(() -> !browser.fieldErrors().isEmpty(), "the form's validation messages");
      assertThat(browser.fieldErrors()).contains("此项为必填项。").noneMatch(error -> error.contains("Field"));
      browser.screenshot("requester-left-the-fields-empty");
      browser.type("titleField", title);
      browser.type("descriptionField", "从 9:00 起访问 S 盘提示“找不到网络路径”");
      browser.select("categoryField", "网络与连接");
      browser.choose("impactField", "中：一个团队或服务的一部分受影响");
      browser.choose("urgencyField", "高：工作已停止");
      browser.screenshot("requester-reports-an-incident");
      browser.submitStartForm();
      String number = incidents.numberOf(browser, title);
      // what people type stays as typed; the options' values are the ones the processes route on
      assertThat(jdbc.queryForObject("select category || ' ' || impact || ' ' || urgency || ' ' || priority"
          + " from incident where number = ?", String.class, number)).isEqualTo("network medium high P2");

      browser.login("tasklist", "desk");
      openTask(browser, number, "triageIncident");
      Timestamp responseDue = jdbc.queryForObject("select response_due from incident where number = ?",
          Timestamp.class, number);
      assertThat(browser.pageText()).contains("分诊事件", "事件生命周期");
      assertThat(browser.formText()).contains(number, title, "优先级 P2（高）", "支持组", "重大事件：每 30 分钟向相关方通报一次进展")
          .contains("类别 网络 · 影响度 中 · 紧急度 高") // the codes network, medium, high by their Chinese names
          .contains("响应期限 " + ShanghaiTime.shown(responseDue.toInstant())); // in the suite's zone
      browser.screenshot("desk-sees-priority-and-sla-due-time");
      browser.claim();
      browser.select("assignedGroupField", "运维工程师");
      browser.complete();
      incidents.waitForStatus(browser, number, "ASSIGNED");
      browser.screenshot("desk-assigned-it");

      browser.login("tasklist", "engineer");
      openTask(browser, number, "takeIncident");
      assertThat(browser.pageText()).contains("接手事件");
      browser.claim();
      browser.complete();
      incidents.waitForStatus(browser, number, "IN_PROGRESS");
      openTask(browser, number, "workOnIncident");
      browser.choose("outcomeField", "已解决");
      browser.select("resolutionCodeField", "已修复");
      browser.type("resolutionNotesField", notes);
      browser.screenshot("engineer-resolves-it");
      browser.complete();
      incidents.waitForStatus(browser, number, "RESOLVED");
      MimeMessage resolvedMail = mailTo(browser, "requester@itops.localhost", "[" + number + "] ");
      assertThat(resolvedMail.getSubject()).isEqualTo("[" + number + "] 已解决：" + title);
      assertThat(resolvedMail.getHeader("Subject")[0]).as("RFC 2047 encoded").startsWith("=?UTF-8?");
      assertThat((String) resolvedMail.getContent()).contains("你的事件 " + number + " 已解决。", notes, "确认解决");

      browser.login("tasklist", "requester");
      openTask(browser, number, "confirmResolution");
      assertThat(browser.fieldValue("resolutionNotesField")).isEqualTo(notes);
      assertThat(browser.formText()).contains("问题是否已恢复？");
      browser.choose("confirmationField", "是，关闭事件");
      browser.screenshot("requester-confirms");
      browser.complete();
      incidents.waitForStatus(browser, number, "CLOSED");

      browser.login("cockpit", "demo");
      browser.findRecordInCockpit(number, "已完成");
      assertThat(browser.pageText()).contains(number).contains("事件生命周期");
      browser.screenshot("demo-finds-the-ended-instance-in-cockpit");
    }
  }

  /** The mail to the address whose subject (RFC 2047 decoded) starts so, once it has arrived. */
  private static MimeMessage mailTo(Browser browser, String address, String subjectStart) {
    MimeMessage[] found = new MimeMessage[1];
    browser.eventually(() -> {
      found[0] = Arrays.stream(smtp.getReceivedMessages())
          .filter(mail -> TestMail.recipientsOf(mail).contains(address)
              && TestMail.subject(mail).startsWith(subjectStart))
          .findFirst().orElse(null);
      return found[0] != null;
    }, "the mail to " + address + " about " + subjectStart);
    return found[0];
  }

  /** Opens the task in Tasklist once the process has reached it (some follow a mail step). */
  private void openTask(Browser browser, String number, String taskDefinitionKey) {
    Task[] task = new Task[1];
    browser.eventually(() -> {
      task[0] = taskService.createTaskQuery().processInstanceBusinessKey(number)
          .taskDefinitionKey(taskDefinitionKey).singleResult();
      return task[0] != null;
    }, taskDefinitionKey + " of " + number);
    browser.openTaskById(task[0].getId());
    browser.eventually(() -> {
      browser.formReady();
      return browser.formText().contains(number);
    }, "the form of " + taskDefinitionKey + " of " + number);
  }
}
