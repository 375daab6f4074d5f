package org.itops.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Collaboration;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * The conventions every file in {@code processes/} and {@code forms/} keeps (docs/writing-processes.md, "Model
 * conventions"). Each broken example under {@code src/test/resources/broken-models/} is named after the rule it breaks.
 */
final class ModelConventions {

  enum Rule {
    DEPLOYS, HISTORY_TTL, READABLE_ID, NAMED, FORM_REF, CANDIDATE_GROUP, DELEGATE, ASYNC_OUTSIDE, RUNS_CODE,
    DECISION_REF, FORM_FILE,
    // the layout of a diagram (DiagramGeometry)
    DRAWN, SHAPES_OVERLAP, LABELS_OVERLAP, FLOW_CROSSES_SHAPE, FLOWS_CROSS, FLOW_SIDES, LEFT_TO_RIGHT,
    EXCEPTIONS_BELOW, FITS_SCREEN;

    /** The rule's name in file names and messages, e.g. {@code form-ref}. */
    String code() {
      return name().toLowerCase().replace('_', '-');
    }

    static Rule ofCode(String code) {
      return valueOf(code.toUpperCase().replace('-', '_'));
    }
  }

  record Violation(Rule rule, String element, String message) {
    @Override
    public String toString() {
      return "[" + rule.code() + "] " + element + ": " + message;
    }
  }

  /** What the checks need to know about the running suite. */
  interface Suite {
    Set<String> groups();

    /** Ids of the forms deployed with the given area. */
    Set<String> formIds(String area);

    Set<String> decisionKeys();

    /** The class of the bean with that name, or null when there is none. */
    Class<?> beanType(String beanName);

    boolean isJavaDelegate(Class<?> type);

    boolean callsOutside(Class<?> type);

    /** Why the engine refuses to deploy the file, or null when it deploys. */
    String deployProblem(String resourceName, byte[] content);

    /** What in the file would run code of the deployer's choosing (the suite's DeploymentGuard refuses it). */
    List<String> runsCode(String resourceName, byte[] content);
  }

  /** Ids that Camunda Modeler and other tools generate: {@code Activity_0abc123}, {@code Task_1}, {@code sid-...}. */
  private static final Pattern GENERATED_ID =
      Pattern.compile("[A-Za-z]+_[0-9a-z]{7}|[A-Za-z]+_\\d+|sid-[0-9A-Fa-f-]+");
  private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{.*}");
  /** The newest form-js schema that Tasklist 7.24 renders. */
  static final int MAX_FORM_SCHEMA_VERSION = 16;

  private final Suite suite;

  ModelConventions(Suite suite) {
    this.suite = suite;
  }

  /** The violations of the file; {@code resourceName} is its path such as {@code processes/incident/x.bpmn}. */
  List<Violation> check(String resourceName, byte[] content) {
    if (resourceName.endsWith(".form")) {
      return checkForm(resourceName, content);
    }
    List<Violation> violations = new ArrayList<>();
    // a file that would run code is refused for that first: the suite does not deploy it at all
    suite.runsCode(resourceName, content).forEach(problem ->
        violations.add(new Violation(Rule.RUNS_CODE, resourceName, problem)));
    if (!violations.isEmpty()) {
      return violations;
    }
    try {
      if (resourceName.endsWith(".dmn")) {
        checkDecisions(Dmn.readModelFromStream(new ByteArrayInputStream(content)), violations);
      } else {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
        checkProcesses(model, ProcessDeployment.area(resourceName), violations);
        DiagramGeometry.check(model, violations);
      }
    } catch (RuntimeException unreadable) {
      violations.add(new Violation(Rule.DEPLOYS, resourceName, "cannot be read: " + unreadable.getMessage()));
      return violations;
    }
    // The engine would refuse most of the above too, with a less helpful message: deploy only clean files.
    if (violations.isEmpty()) {
      String problem = suite.deployProblem(resourceName, content);
      if (problem != null) {
        violations.add(new Violation(Rule.DEPLOYS, resourceName, problem));
      }
    }
    return violations;
  }

  private void checkDecisions(DmnModelInstance model, List<Violation> violations) {
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      String id = decision.getId();
      if (decision.getCamundaHistoryTimeToLiveString() == null) {
        violations.add(new Violation(Rule.HISTORY_TTL, id, "set History Time To Live (camunda:historyTimeToLive)"));
      }
      if (GENERATED_ID.matcher(id).matches()) {
        violations.add(new Violation(Rule.READABLE_ID, id, "give the decision a readable id (its key)"));
      }
      if (isBlank(decision.getName())) {
        violations.add(new Violation(Rule.NAMED, id, "give the decision a name"));
      }
    }
  }

  private void checkProcesses(BpmnModelInstance model, String area, List<Violation> violations) {
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
        violations.add(new Violation(Rule.HISTORY_TTL, process.getId(),
            "set History Time To Live (camunda:historyTimeToLive)"));
      }
      requireName(process.getId(), process.getName(), violations);
    }
    for (Class<? extends BaseElement> type : List.of(Process.class, FlowElement.class, Message.class,
        Signal.class, Error.class, Escalation.class, Lane.class, Participant.class, Collaboration.class)) {
      for (BaseElement element : model.getModelElementsByType(type)) {
        if (element.getId() != null && GENERATED_ID.matcher(element.getId()).matches()) {
          violations.add(new Violation(Rule.READABLE_ID, element.getId(),
              "generated id: give it a readable one, like approveChange or toApproval"));
        }
      }
    }
    for (Message message : model.getModelElementsByType(Message.class)) {
      requireName(message.getId(), message.getName(), violations);
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (personSees(node)) {
        requireName(node.getId(), node.getName(), violations);
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (isAnswer(flow)) {
        requireName(flow.getId(), flow.getName(), violations);
      }
    }
    model.getModelElementsByType(UserTask.class).forEach(task -> checkUserTask(task, area, violations));
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormKey() != null) {
        violations.add(new Violation(Rule.FORM_REF, start.getId(), "use a Camunda Form (camunda:formRef), not formKey"));
      } else if (start.getCamundaFormRef() != null) {
        checkFormRef(start.getId(), start.getCamundaFormRef(), start.getCamundaFormRefBinding(), area, violations);
      }
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      checkDelegate(task, task.getCamundaDelegateExpression(), task.getCamundaClass() != null
          || task.getCamundaExpression() != null || task.getCamundaType() != null, true, violations);
    }
    for (SendTask task : model.getModelElementsByType(SendTask.class)) {
      checkDelegate(task, task.getCamundaDelegateExpression(), task.getCamundaClass() != null
          || task.getCamundaExpression() != null || task.getCamundaType() != null, true, violations);
    }
    for (ThrowEvent event : model.getModelElementsByType(ThrowEvent.class)) {
      for (MessageEventDefinition message : event.getChildElementsByType(MessageEventDefinition.class)) {
        checkDelegate(event, message.getCamundaDelegateExpression(),
            message.getCamundaClass() != null || message.getCamundaExpression() != null, false, violations);
      }
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      String ref = task.getCamundaDecisionRef();
      if (ref == null) {
        violations.add(new Violation(Rule.DECISION_REF, task.getId(), "call a DMN table with camunda:decisionRef"));
      } else if (!EXPRESSION.matcher(ref).matches() && !suite.decisionKeys().contains(ref)) {
        violations.add(new Violation(Rule.DECISION_REF, task.getId(), "no deployed DMN decision has the key '" + ref + "'"));
      }
    }
  }

  private void checkUserTask(UserTask task, String area, List<Violation> violations) {
    if (task.getCamundaFormKey() != null || task.getCamundaFormRef() == null) {
      violations.add(new Violation(Rule.FORM_REF, task.getId(), "link a Camunda Form with camunda:formRef"));
    } else {
      checkFormRef(task.getId(), task.getCamundaFormRef(), task.getCamundaFormRefBinding(), area, violations);
    }
    List<String> groups = task.getCamundaCandidateGroupsList();
    if (groups.isEmpty()) {
      violations.add(new Violation(Rule.CANDIDATE_GROUP, task.getId(), "set the candidate groups who do this task"));
    }
    for (String group : groups) {
      if (!EXPRESSION.matcher(group).matches() && !suite.groups().contains(group)) {
        violations.add(new Violation(Rule.CANDIDATE_GROUP, task.getId(),
            "'" + group + "' is not a group of the suite " + suite.groups()));
      }
    }
  }

  private void checkFormRef(String elementId, String formRef, String binding, String area, List<Violation> violations) {
    if (!"deployment".equals(binding)) {
      violations.add(new Violation(Rule.FORM_REF, elementId,
          "set camunda:formRefBinding=\"deployment\" so the form deployed with the diagram is used"));
    }
    if (!suite.formIds(area).contains(formRef)) {
      violations.add(new Violation(Rule.FORM_REF, elementId,
          "no form with id '" + formRef + "' in forms/" + area + "/ " + suite.formIds(area)));
    }
  }

  private void checkDelegate(FlowNode node, String delegateExpression, boolean otherImplementation,
      boolean required, List<Violation> violations) {
    if (otherImplementation || (required && delegateExpression == null)) {
      violations.add(new Violation(Rule.DELEGATE, node.getId(),
          "implement it with camunda:delegateExpression=\"${someBeanDelegate}\""));
      return;
    }
    if (delegateExpression == null) {
      return;
    }
    var bean = BEAN_EXPRESSION.matcher(delegateExpression.strip());
    if (!bean.matches()) {
      violations.add(new Violation(Rule.DELEGATE, node.getId(),
          "'" + delegateExpression + "' must name a bean only, like ${sendNotificationDelegate}"));
      return;
    }
    Class<?> type = suite.beanType(bean.group(1));
    if (type == null || !suite.isJavaDelegate(type)) {
      violations.add(new Violation(Rule.DELEGATE, node.getId(), "there is no JavaDelegate bean '" + bean.group(1) + "'"));
      return;
    }
    if (suite.callsOutside(type) && (!node.isCamundaAsyncBefore() || retryCycle(node) == null)) {
      violations.add(new Violation(Rule.ASYNC_OUTSIDE, node.getId(), bean.group(1) + " calls outside the suite:"
          + " set asyncBefore and a failedJobRetryTimeCycle, with bpmn:documentation saying why"));
    }
  }

  private static String retryCycle(FlowNode node) {
    if (node.getExtensionElements() == null) {
      return null;
    }
    Collection<CamundaFailedJobRetryTimeCycle> cycles = node.getExtensionElements().getChildElementsByType(
        CamundaFailedJobRetryTimeCycle.class);
    return cycles.stream().map(CamundaFailedJobRetryTimeCycle::getTextContent).filter(text -> !isBlank(text))
        .findFirst().orElse(null);
  }

  /** Tasks, events, sub-processes, call activities and the gateways that ask a question. */
  private static boolean personSees(FlowNode node) {
    if (node instanceof Gateway) {
      return (node instanceof ExclusiveGateway || node instanceof InclusiveGateway) && node.getOutgoing().size() > 1;
    }
    return node instanceof Task || node instanceof Event || node instanceof SubProcess || node instanceof CallActivity;
  }

  /** A flow leaving a question (exclusive or inclusive gateway) or carrying a condition: its name is the answer. */
  private static boolean isAnswer(SequenceFlow flow) {
    FlowNode source = flow.getSource();
    boolean fromQuestion = (source instanceof ExclusiveGateway || source instanceof InclusiveGateway)
        && source.getOutgoing().size() > 1;
    return fromQuestion || flow.getConditionExpression() != null;
  }

  private static void requireName(String id, String name, List<Violation> violations) {
    if (isBlank(name)) {
      violations.add(new Violation(Rule.NAMED, id, "give it a name that a person understands"));
    }
  }

  private List<Violation> checkForm(String resourceName, byte[] content) {
    List<Violation> violations = new ArrayList<>();
    JsonNode form;
    try {
      form = new ObjectMapper().readTree(content);
    } catch (IOException e) {
      violations.add(new Violation(Rule.FORM_FILE, resourceName, "not valid JSON: " + e.getMessage()));
      return violations;
    }
    if (isBlank(form.path("id").asText(null))) {
      violations.add(new Violation(Rule.FORM_FILE, resourceName, "the form needs an id (what camunda:formRef names)"));
    }
    int schemaVersion = form.path("schemaVersion").asInt(0);
    if (schemaVersion < 1 || schemaVersion > MAX_FORM_SCHEMA_VERSION) {
      violations.add(new Violation(Rule.FORM_FILE, resourceName, "schemaVersion " + schemaVersion
          + ": Tasklist 7.24 renders schemaVersion 1.." + MAX_FORM_SCHEMA_VERSION));
    }
    checkComponents(resourceName, form.path("components"), violations);
    return violations;
  }

  private static void checkComponents(String resourceName, JsonNode components, List<Violation> violations) {
    for (JsonNode component : components) {
      String key = component.path("key").asText(null);
      // a date-time field labels its date and time inputs instead
      String label = component.path(component.has("dateLabel") ? "dateLabel" : "label").asText(null);
      if (key != null && isBlank(label)) {
        violations.add(new Violation(Rule.FORM_FILE, resourceName, "field '" + key + "' needs a label"));
      }
      checkComponents(resourceName, component.path("components"), violations);
    }
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
