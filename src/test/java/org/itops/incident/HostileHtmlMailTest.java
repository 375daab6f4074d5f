package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import org.itops.SuiteTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * HTML mail built to stall the mailbox's poll, through a real IMAP mailbox: the intake reads HTML in one pass, so a
 * megabyte of nested or unclosed tags (minutes to hours for the backtracking expressions it used before) is read like
 * any other mail, and ordinary HTML still reads well.
 */
@SuiteTest
class HostileHtmlMailTest {

  /** About a megabyte. */
  private static final int SIZE = 1 << 20;

  @RegisterExtension
  static GreenMailExtension mail = IntakeMailbox.servers();

  @Autowired MailIntake intake;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aMegabyteOfNestedUnclosedTagsIsReadInOnePass() throws Exception {
    String unclosedTags = "Printer " + UUID.randomUUID();
    String unclosedScripts = "Scanner " + UUID.randomUUID();
    deliverHtml(unclosedTags, "<p>The printer is on fire</p>" + "<div ".repeat(SIZE / 5));
    deliverHtml(unclosedScripts, "<p>The scanner is on fire</p>" + "<script><style>".repeat(SIZE / 15));

    MailIntake.Poll poll = intake.poll();

    assertThat(poll.handled()).isEqualTo(2);
    assertThat(description(unclosedTags)).isEqualTo("The printer is on fire");
    assertThat(description(unclosedScripts)).isEqualTo("The scanner is on fire");
  }

  @Test
  void markupScriptsStylesAndCommentsAreDroppedAndCharacterReferencesRead() {
    String html = """
        <html><head><style>p { color: red }</style><title>x</title></head><body>
        <P class="x">Disk &amp; CPU &lt;full&gt;</P><!-- <p>hidden</p> --><SCRIPT>alert("hi")</SCRIPT>
        <div>Line&nbsp;two&#160;&#20013;&#x6587;</div>a < b &bogus; &#xZZ; tail<br/>end</style>s</body></html>""";

    assertThat(HtmlText.of(html)).isEqualTo("x\n\nDisk & CPU <full>\n\nLine two 中文\na < b &bogus; &#xZZ; tail\nend s");
  }

  private void deliverHtml(String subject, String html) throws Exception {
    MimeMessage message = IntakeMailbox.message("requester@itops.localhost", subject, "");
    message.setContent(html, "text/html; charset=UTF-8");
    message.saveChanges();
    IntakeMailbox.deliver(mail, message);
  }

  private String description(String title) {
    return jdbc.queryForObject("select description from incident where title = ?", String.class, title);
  }
}
