package bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;

/**
 * The benchmarks' simulated people doing their tasks through the Java API with authorization checks, as Tasklist's
 * REST calls do: each waits for its task ({@link TaskReady}), logged in with the user's groups.
 */
final class People {

  private final TaskService taskService;
  private final IdentityService identityService;
  private final TaskReady taskReady;
  private final Map<String, List<String>> groups = new ConcurrentHashMap<>();

  People(BenchSuite suite) {
    this.taskService = suite.bean(TaskService.class);
    this.identityService = suite.bean(IdentityService.class);
    this.taskReady = suite.taskReady;
  }

  /** The people's steps of an incident up to its resolution: {@code desk} triages, {@code engineer} takes and resolves. */
  void resolveIncident(String number) throws Exception {
    String triage = taskReady.await(number, "triageIncident");
    Map<String, Object> triageForm = new HashMap<>();
    triageForm.put("priority", as("desk", () -> taskService.getVariable(triage, "priority")));
    triageForm.put("overrideReason", null);
    triageForm.put("assignedGroup", "ops-engineers");
    claimAndComplete("desk", triage, triageForm);
    claimAndComplete("engineer", taskReady.await(number, "takeIncident"), Map.of());
    complete("engineer", taskReady.await(number, "workOnIncident"),
        Map.of("outcome", "resolved", "resolutionCode", "FIXED", "resolutionNotes", "Restarted the service"));
  }

  /** The reporter confirms the resolution (incidents that monitoring raised have no such step). */
  void confirmResolution(String number, String reporter) throws Exception {
    complete(reporter, taskReady.await(number, "confirmResolution"), Map.of("confirmation", "yes"));
  }

  /** Waits for the record's task, then the user claims and completes it with the form's values. */
  void claimAndComplete(String user, String businessKey, String taskDefinitionKey, Map<String, Object> form)
      throws Exception {
    claimAndComplete(user, taskReady.await(businessKey, taskDefinitionKey), form);
  }

  private void claimAndComplete(String user, String taskId, Map<String, Object> form) {
    as(user, () -> {
      taskService.claim(taskId, user);
      taskService.complete(taskId, form);
      return null;
    });
  }

  private void complete(String user, String taskId, Map<String, Object> form) {
    as(user, () -> {
      taskService.complete(taskId, form);
      return null;
    });
  }

  /** Logged in as the user with the user's groups, as Tasklist's REST calls are. */
  <T> T as(String user, Supplier<T> work) {
    identityService.setAuthentication(user, groups.computeIfAbsent(user, u ->
        identityService.createGroupQuery().groupMember(u).list().stream().map(Group::getId).toList()));
    try {
      return work.get();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
