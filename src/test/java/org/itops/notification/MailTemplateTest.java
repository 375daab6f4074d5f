package org.itops.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplateTest {

  private final MailTemplate template = new MailTemplate("example", "[{{recordNumber}}] {{title}}",
      "Hello,\n{{ recordNumber }} needs you: {{title}}.\nNote: {{note}}\n");

  @Test
  void fillsEveryPlaceholderWithItsValue() {
    MailTemplate.Rendered mail = template.render(values("INC-000007", "Disk full", "call back"));

    assertThat(mail.subject()).isEqualTo("[INC-000007] Disk full");
    assertThat(mail.body()).isEqualTo("Hello,\nINC-000007 needs you: Disk full.\nNote: call back\n");
  }

  @Test
  void aNullValueIsEmptyButAMissingValueIsAnError() {
    assertThat(template.render(values("INC-000007", "Disk full", null)).body()).endsWith("Note: \n");

    Map<String, Object> withoutNote = values("INC-000007", "Disk full", null);
    withoutNote.remove("note");
    assertThatThrownBy(() -> template.render(withoutNote))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("example").hasMessageContaining("[note]");
  }

  @Test
  void valuesAreNeverReadAsTemplates() {
    MailTemplate.Rendered mail = template.render(values("INC-000007", "{{recordNumber}} $1 \\", "{{secret}}"));

    assertThat(mail.subject()).isEqualTo("[INC-000007] {{recordNumber}} $1 \\");
    assertThat(mail.body()).contains("Note: {{secret}}");
  }

  @Test
  void aTitleCannotAddLinesToTheSubject() {
    assertThat(template.render(values("INC-000007", "Disk\r\nBcc: someone@example.org", "")).subject())
        .isEqualTo("[INC-000007] Disk Bcc: someone@example.org");
  }

  @Test
  void loadsSubjectAndBodyFromTheClasspath() {
    MailTemplate loaded = MailTemplate.load("fixture-work-done", Locale.ENGLISH);

    assertThat(loaded.subject()).isEqualTo("[{{recordNumber}}] Work done: {{summary}}");
    assertThat(loaded.body()).startsWith("The work on {{recordNumber}} is done.").contains("What to do:");
  }

  @Test
  void refusesUnknownAndOddTemplateNames() {
    assertThatThrownBy(() -> MailTemplate.load("no-such-template", Locale.ENGLISH))
        .hasMessageContaining("mail/no-such-template.txt");
    assertThatThrownBy(() -> MailTemplate.load("../application", Locale.ENGLISH))
        .hasMessageContaining("lower-case words");
  }

  private static Map<String, Object> values(String recordNumber, String title, String note) {
    Map<String, Object> values = new HashMap<>();
    values.put("recordNumber", recordNumber);
    values.put("title", title);
    values.put("note", note);
    return values;
  }
}
