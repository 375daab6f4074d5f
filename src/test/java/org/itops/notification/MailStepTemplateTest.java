package org.itops.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/** The Modeler template of a mail step offers every mail template, and every mail step of a diagram uses it. */
// no database here: once, not again in the PostgreSQL run
@DisabledIfSystemProperty(named = "itops.test.database", matches = "postgres")
class MailStepTemplateTest {

  private static final String TEMPLATE_ID = "org.itops.mail";

  @Test
  void theTemplateOffersEveryMailTemplate() throws IOException {
    JsonNode template = new ObjectMapper().readTree(Path.of(".camunda/element-templates/mail-step.json").toFile()).get(0);
    assertThat(template.path("id").asText()).isEqualTo(TEMPLATE_ID);
    Set<String> offered = new TreeSet<>();
    for (JsonNode property : template.path("properties")) {
      if (MailDeliveryProcess.Var.TEMPLATE.equals(property.path("binding").path("name").asText())) {
        property.path("choices").forEach(choice -> offered.add(choice.path("value").asText()));
      }
    }
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/mail"))) {
      assertThat(offered).isEqualTo(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".txt"))
          .map(n -> n.substring(0, n.length() - 4)).collect(Collectors.toCollection(TreeSet::new)));
    }
  }

  @Test
  void everyMailStepUsesTheTemplate() throws IOException {
    List<String> without = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        for (ServiceTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(ServiceTask.class)) {
          if ("${sendNotificationDelegate}".equals(task.getCamundaDelegateExpression())
              && !TEMPLATE_ID.equals(task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "modelerTemplate"))) {
            without.add(file.getFileName() + ": " + task.getId());
          }
        }
      }
    }
    assertThat(without).as("mail steps without camunda:modelerTemplate=\"" + TEMPLATE_ID + "\"").isEmpty();
  }
}
