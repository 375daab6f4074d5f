package org.itops.portal;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.RequesterRecords;
import org.itops.survey.SurveyService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/my}: what is the calling user's across the kinds of records. Their requests (each read in full through
 * its own endpoint, {@code /api/incidents/{number}} etc.) and the work that waits for them as a requester: the
 * engine's tasks assigned to them (done through the engine's API with the task's form, as in Tasklist) and the
 * surveys they may still answer.
 */
@RestController
@RequestMapping("/api/my")
class RequesterController {

  /**
   * The user tasks of the processes that are assigned to the person who asked (the reporter of an incident, the
   * requester of a demand); PortalRequesterTasksTest checks this against the deployed models.
   */
  static final Set<String> REQUESTER_TASKS = Set.of("answerQuestion", "confirmResolution", "answerDemandQuestion",
      "reviseDemand", "giveFeedback", "acceptanceTest");

  /** The most tasks and surveys the list shows: a requester with more has a backlog no page would help with. */
  static final int MAX_WAITING = 200;

  private final RequesterRecords requests;
  private final CurrentUser currentUser;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final SurveyService surveys;

  RequesterController(RequesterRecords requests, CurrentUser currentUser, TaskService taskService,
      RuntimeService runtimeService, SurveyService surveys) {
    this.requests = requests;
    this.currentUser = currentUser;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.surveys = surveys;
  }

  /** A task that waits for the user: an engine task ({@code taskId}) or a survey ({@code surveyLink}). */
  record Waiting(String taskId, String surveyLink, String name, String recordNumber, String title, Instant createdAt,
      Instant dueAt) {}

  /**
   * @param kind record kinds by prefix, comma-separated ({@code INC,DMD}); all when absent
   * @param state {@code open}, {@code closed} or {@code all}
   * @param q words of the number or title
   */
  @GetMapping("/requests")
  RequesterRecords.Slice requests(@RequestParam(required = false) String kind,
      @RequestParam(defaultValue = "all") String state, @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "20") int limit) {
    List<String> kinds = kind == null || kind.isBlank() ? List.of()
        : Arrays.stream(kind.split(",")).map(String::strip).toList();
    if (!requests.kinds().containsAll(kinds)) {
      throw new InvalidRequestException("kind", "reason.oneOf", requests.kinds());
    }
    RequesterRecords.State wanted = Arrays.stream(RequesterRecords.State.values())
        .filter(s -> s.name().equalsIgnoreCase(state)).findFirst()
        .orElseThrow(() -> new InvalidRequestException("state", "reason.oneOf",
            List.of("open", "closed", "all")));
    if (offset < 0) {
      throw new InvalidRequestException("offset", "reason.zeroOrMore");
    }
    if (limit < 1 || limit > RequesterRecords.MAX_LIMIT) {
      throw new InvalidRequestException("limit", "reason.oneTo", RequesterRecords.MAX_LIMIT);
    }
    if (q != null && q.length() > 200) {
      throw new InvalidRequestException("q", "reason.maxLength", 200);
    }
    return requests.page(currentUser.id(), kinds, wanted, q, offset, limit);
  }

  @GetMapping("/tasks")
  Map<String, Object> tasks() {
    // the engine's authorization applies: the user's own tasks, which the assignee may read
    List<Task> tasks = taskService.createTaskQuery().taskAssignee(currentUser.id())
        .taskDefinitionKeyIn(REQUESTER_TASKS.toArray(String[]::new)).orderByTaskCreateTime().desc()
        .listPage(0, MAX_WAITING);
    // a requester reads no process instance in the engine; the record number of their own task is theirs to see
    Set<String> instanceIds = tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
    Map<String, ProcessInstance> instances = instanceIds.isEmpty() ? Map.of() : currentUser.asSystem(() ->
        runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds).listPage(0, MAX_WAITING).stream()
            .collect(Collectors.toMap(ProcessInstance::getId, Function.identity())));
    Stream<Waiting> engineTasks = tasks.stream().map(task -> {
      ProcessInstance instance = instances.get(task.getProcessInstanceId());
      return new Waiting(task.getId(), null, task.getName(), instance == null ? null : instance.getBusinessKey(),
          null, instant(task.getCreateTime()), instant(task.getDueDate()));
    });
    Stream<Waiting> openSurveys = surveys.waitingFor(currentUser.id()).stream().map(survey -> new Waiting(null,
        survey.link(), null, survey.recordNumber(), survey.title(), survey.createdAt(), survey.expiresAt()));
    return Map.of("items", Stream.concat(engineTasks, openSurveys).toList());
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
