package bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * {@code incident-lifecycle} with no-op steps: the same BPMN file (the same events, gateways, scopes, user tasks,
 * timers and asynchronous continuations) with every delegate and decision replaced by {@code ${null}}, no task
 * listeners, no input mappings and no forms. What it costs is the engine's own work for an incident's path; the
 * variables the suite's steps would set are given at the start.
 */
final class NoopIncidentProcess {

  static final String KEY = "incident-lifecycle-noop";

  /** Deploys the no-op process and lets requesters start it, as they may start the real one. */
  static void deploy(RepositoryService repositoryService, AuthorizationService authorizationService) throws IOException {
    String bpmn;
    try (InputStream in = NoopIncidentProcess.class.getResourceAsStream("/processes/incident/incident-lifecycle.bpmn")) {
      bpmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    repositoryService.createDeployment().name(KEY).addString(KEY + ".bpmn", withoutWork(bpmn)).deploy();
    Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId("requesters");
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId(KEY);
    grant.addPermission(Permissions.READ);
    grant.addPermission(Permissions.CREATE_INSTANCE);
    authorizationService.saveAuthorization(grant);
  }

  static String withoutWork(String bpmn) {
    String noop = bpmn.replace("id=\"incident-lifecycle\"", "id=\"" + KEY + "\"")
        .replaceAll("<camunda:taskListener [^>]*/>", "")
        .replaceAll("(?s)<camunda:inputOutput>.*?</camunda:inputOutput>", "")
        .replace("bpmn:businessRuleTask", "bpmn:serviceTask")
        .replaceAll(" camunda:(delegateExpression|decisionRef)=\"[^\"]*\"", " camunda:expression=\"\\${null}\"")
        .replaceAll(" camunda:(resultVariable|mapDecisionResult|formRef|formRefBinding)=\"[^\"]*\"", "");
    if (noop.contains("delegateExpression") || noop.contains("decisionRef") || !noop.contains(KEY)) {
      throw new IllegalStateException("incident-lifecycle.bpmn changed its form; adapt NoopIncidentProcess");
    }
    return noop;
  }

  /** What the suite's steps would have set by the time of the first task (engine REST variable format). */
  static Map<String, Object> startVariables(String number) {
    Instant far = Instant.now().plus(30, ChronoUnit.DAYS);
    Map<String, Object> variables = new HashMap<>();
    variables.put("recordNumber", number);
    variables.put("title", "Mail server down");
    variables.put("priority", "P4");
    variables.put("source", "api");
    variables.put("reporter", "requester");
    variables.put("engineer", "engineer");
    variables.put("assignedGroup", "ops-engineers");
    variables.put("priorityOverridden", false);
    variables.put("alertResolved", false);
    variables.put("proposeArticle", false);
    variables.put("responseDue", Date.from(far));
    variables.put("warningDue", Date.from(far));
    variables.put("resolutionDue", Date.from(far));
    return variables;
  }

  /**
   * The variables the suite's incident keeps beyond {@link #startVariables} (counted by {@code bench.RowsPerIncident}
   * on 2026-12-03: 42 history variables of {@code incident-lifecycle} against the twin's 19), each as a short text.
   * The values its forms show are no longer among them: they are computed when a form is read.
   */
  static Map<String, Object> theSuitesData() {
    Map<String, Object> variables = new HashMap<>();
    for (String name : List.of("affectedServices", "category", "closureCode", "computedPriority", "configurationItem",
        "declareMajor", "description", "impact", "notifyGroup", "notifyUser", "notificationTemplate", "outage",
        "outageStart", "resolved", "service", "serviceTier", "slaTargets", "suggestedArticleNumbers",
        "suggestedArticles", "suggestedGroup", "urgency", "usedArticle")) {
      variables.put(name, "a value of " + name);
    }
    return variables;
  }

  private NoopIncidentProcess() {}
}
