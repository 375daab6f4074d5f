package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.itops.StandaloneTasks;
import org.itops.SuiteTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The suite's authorization queries ({@link AuthorizationQueries}) answer what the engine's own answer: the task query
 * with its lookups of grants and identity links shows each user exactly the tasks that the engine's shows, in the same
 * order and each once, for users whose tasks come from each kind of grant (the group's grant on a task, a user's
 * grant on all tasks, a group's READ_TASK on a process definition, a global authorization), through several at
 * once, for a task of two of a user's groups, and for a user with none; the groups that have authorizations are the
 * same.
 */
@SuiteTest
class AuthorizationQueriesTest {

  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;

  private final List<String> standaloneTasks = new ArrayList<>();
  private final List<String> processInstances = new ArrayList<>();
  private final List<String> grants = new ArrayList<>();
  private String groupATask;
  private String groupBTask;
  private String bothGroupsTask;
  private String processTask;

  /** A user and their groups. */
  record User(String id, List<String> groups) {}

  private static final List<User> USERS = List.of(
      new User("tq-a", List.of("tq-group-a")),
      new User("tq-b", List.of("tq-group-b", "tq-group-none")),
      new User("tq-processes", List.of("tq-group-processes")),
      // granted all tasks, and some of them twice more through their groups: the same task found by several joins
      new User("tq-everything", List.of("tq-group-a", "tq-group-processes")),
      new User("tq-nobody", List.of("tq-group-none")),
      // both candidate groups of one task: the engine's joins find that task twice
      new User("tq-ab", List.of("tq-group-a", "tq-group-b")),
      new User("desk", List.of("service-desk")));

  /** The queries Tasklist's filters and the suite run, and a few more, each as ids in the order the query gives. */
  private static final Map<String, Function<TaskService, List<String>>> QUERIES = Map.ofEntries(
      Map.entry("all", tasks -> ids(tasks.createTaskQuery().orderByTaskId().asc().listPage(0, 2000))),
      Map.entry("my groups' tasks, first page, newest first", tasks -> ids(tasks.createTaskQuery()
          .withCandidateGroups().orderByTaskCreateTime().desc().orderByTaskId().asc().listPage(0, 15))),
      Map.entry("my groups' tasks, count",
          tasks -> List.of(String.valueOf(tasks.createTaskQuery().withCandidateGroups().count()))),
      Map.entry("unassigned",
          tasks -> ids(tasks.createTaskQuery().taskUnassigned().orderByTaskId().asc().listPage(0, 2000))),
      Map.entry("assigned to tq-a", tasks -> ids(tasks.createTaskQuery().taskAssignee("tq-a").listPage(0, 2000))),
      Map.entry("group a or group b (left joins)", tasks -> ids(tasks.createTaskQuery().or()
          .taskCandidateGroup("tq-group-a").taskCandidateGroup("tq-group-b").endOr().orderByTaskId().asc()
          .listPage(0, 2000))),
      Map.entry("groups a and b in one", tasks -> ids(tasks.createTaskQuery()
          .taskCandidateGroupIn(List.of("tq-group-a", "tq-group-b")).includeAssignedTasks().orderByTaskCreateTime()
          .desc().orderByTaskId().asc().listPage(0, 50))),
      Map.entry("groups a and b, count", tasks -> List.of(String.valueOf(tasks.createTaskQuery()
          .taskCandidateGroupIn(List.of("tq-group-a", "tq-group-b")).count()))),
      Map.entry("candidate user tq-ab",
          tasks -> ids(tasks.createTaskQuery().taskCandidateUser("tq-ab").orderByTaskId().asc().listPage(0, 2000))),
      Map.entry("with candidate users",
          tasks -> ids(tasks.createTaskQuery().withCandidateUsers().orderByTaskId().asc().listPage(0, 2000))),
      // the engine's join kept: one identity link must be a candidate's and the involved user's
      Map.entry("involved tq-a, of group a or b", tasks -> ids(tasks.createTaskQuery().taskInvolvedUser("tq-a")
          .taskCandidateGroupIn(List.of("tq-group-a", "tq-group-b")).includeAssignedTasks().orderByTaskId().asc()
          .listPage(0, 2000))),
      Map.entry("sorted by a variable", tasks -> ids(tasks.createTaskQuery().withCandidateGroups()
          .orderByTaskVariable("rank", ValueType.STRING).asc().orderByTaskId().asc().listPage(0, 2000))),
      Map.entry("of a process definition", tasks -> ids(tasks.createTaskQuery()
          .processDefinitionKey("fixture-short-history").orderByTaskId().asc().listPage(0, 2000))));

  @BeforeEach
  void tasksOfEveryKindOfGrant() {
    groupATask = standaloneTask("tq-group-a", null);
    groupBTask = standaloneTask("tq-group-b", null);
    bothGroupsTask = standaloneTask("tq-group-a", null);
    taskService.addCandidateGroup(bothGroupsTask, "tq-group-b");
    taskService.addCandidateUser(bothGroupsTask, "tq-ab");
    taskService.addUserIdentityLink(bothGroupsTask, "tq-a", "participant");
    taskService.setVariableLocal(bothGroupsTask, "rank", "first");
    // assigned to tq-a, so involving them, and of two groups: the engine's join finds it twice
    taskService.addCandidateGroup(standaloneTask("tq-group-a", "tq-a"), "tq-group-b");
    String instance = runtimeService.startProcessInstanceByKey("fixture-short-history").getId();
    processInstances.add(instance);
    processTask = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
    grant(null, "tq-group-processes", PROCESS_DEFINITION, "fixture-short-history", READ_TASK);
    grant("tq-everything", null, TASK, "*", READ);
  }

  @AfterEach
  void removeThem() {
    identityService.clearAuthentication();
    // the grants first: deleting a task deletes the authorizations of that task with it
    grants.forEach(authorizationService::deleteAuthorization);
    standaloneTasks.forEach(id -> taskService.deleteTask(id, true));
    processInstances.forEach(id -> runtimeService.deleteProcessInstance(id, "test over"));
  }

  @Test
  void theEngineRunsTheSuitesTaskQuery() {
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    AuthorizationQueries.STATEMENTS.forEach((engine, suite) ->
        assertThat(sessions.mapStatement(engine)).isEqualTo(AuthorizationQueries.NAMESPACE + "." + suite));
    assertThat(AuthorizationQueries.mapper(AuthorizationQueries.engineMapping()))
        .doesNotContain("AUTH ON").contains("AND A.RESOURCE_ID_ = ${permCheck.resourceIdQueryParam})")
        .contains("EXISTS (SELECT 1 FROM ${prefix}ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_");
  }

  @Test
  void everyUserSeesWhatTheEnginesOwnQueryShows() throws Exception {
    for (User user : USERS) {
      for (Map.Entry<String, Function<TaskService, List<String>>> query : QUERIES.entrySet()) {
        List<String> suites = as(user, query.getValue());
        List<String> engines = EnginesOwnQueries.run(configuration, () -> as(user, query.getValue()));
        assertThat(suites).as("%s: %s", user.id(), query.getKey()).isEqualTo(engines);
      }
    }
  }

  @Test
  void aGrantCountsForItsOwnResourceTypeOnly() throws Exception {
    // a task grant whose resource id is the process definition's key: the engine's join takes it for READ_TASK on
    // the definition; no grant that Camunda makes looks like this, and the suite's lookups ask each type its own ids
    User crossed = new User("tq-crossed", List.of("tq-group-crossed"));
    grant(null, "tq-group-crossed", TASK, "fixture-short-history", READ);
    Function<TaskService, List<String>> all = QUERIES.get("all");
    assertThat(EnginesOwnQueries.run(configuration, () -> as(crossed, all))).containsExactly(processTask);
    assertThat(as(crossed, all)).isEmpty();
    grant(null, "tq-group-crossed", PROCESS_DEFINITION, "fixture-short-history", READ_TASK);
    assertThat(as(crossed, all)).containsExactly(processTask);
  }

  @Test
  void aGlobalGrantCountsLikeAGrant() throws Exception {
    // Camunda's global authorization (type 0, every user) beside its grants (type 1): the suite asks for both by value
    Authorization global = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    global.setResource(TASK);
    global.setResourceId(groupBTask);
    global.addPermission(READ);
    grants.add(authorizationService.saveAuthorization(global).getId());
    User nobody = user("tq-nobody");
    Function<TaskService, List<String>> all = QUERIES.get("all");
    assertThat(as(nobody, all)).containsExactly(groupBTask)
        .isEqualTo(EnginesOwnQueries.run(configuration, () -> as(nobody, all)));
  }

  @Test
  void aTaskOfTwoOfTheUsersGroupsComesOnce() {
    User both = user("tq-ab");
    assertThat(as(both, QUERIES.get("groups a and b in one"))).containsOnlyOnce(bothGroupsTask);
    assertThat(as(both, QUERIES.get("my groups' tasks, first page, newest first"))).containsOnlyOnce(bothGroupsTask);
  }

  @Test
  void onlyTheQueriesThatKeepTheEnginesJoinAskForDistinct() {
    assertThat(AuthorizationQueries.rowsRepeat(query(taskService.createTaskQuery().withCandidateGroups()
        .orderByTaskCreateTime().desc()))).isFalse();
    assertThat(AuthorizationQueries.rowsRepeat(query(taskService.createTaskQuery().or().taskCandidateGroup("a")
        .taskCandidateUser("b").endOr()))).isFalse();
    assertThat(AuthorizationQueries.rowsRepeat(query(taskService.createTaskQuery().taskInvolvedUser("tq-a"))))
        .isTrue();
    assertThat(AuthorizationQueries.rowsRepeat(query(taskService.createTaskQuery().or().taskCandidateGroup("a")
        .taskInvolvedUser("tq-a").endOr()))).isTrue();
    assertThat(AuthorizationQueries.rowsRepeat(query(taskService.createTaskQuery()
        .orderByTaskVariable("rank", ValueType.STRING).asc()))).isTrue();
  }

  @Test
  void theGroupsWithAuthorizationsAreTheEnginesGroupsWithAuthorizations() throws Exception {
    Callable<Set<Object>> groups = () -> configuration.getCommandExecutorTxRequired().execute(context ->
        ((List<?>) context.getDbEntityManager().selectList("selectAuthorizedGroupIds")).stream()
            .filter(Objects::nonNull).collect(Collectors.toSet()));
    assertThat(groups.call()).contains("tq-group-processes", "service-desk")
        .isEqualTo(EnginesOwnQueries.run(configuration, groups));
  }

  @Test
  void eachKindOfGrantShowsItsTasksAndNoOthers() {
    assertThat(as(USERS.get(0), QUERIES.get("all"))).contains(groupATask).doesNotContain(groupBTask, processTask);
    assertThat(as(USERS.get(1), QUERIES.get("all"))).contains(groupBTask).doesNotContain(groupATask, processTask);
    assertThat(as(USERS.get(2), QUERIES.get("all"))).contains(processTask).doesNotContain(groupATask, groupBTask);
    assertThat(as(USERS.get(3), QUERIES.get("all"))).contains(groupATask, groupBTask, processTask);
    assertThat(as(USERS.get(4), QUERIES.get("all"))).doesNotContain(groupATask, groupBTask, processTask);
  }

  private static User user(String id) {
    return USERS.stream().filter(user -> user.id().equals(id)).findFirst().orElseThrow();
  }

  private List<String> as(User user, Function<TaskService, List<String>> query) {
    identityService.setAuthentication(user.id(), user.groups());
    try {
      return query.apply(taskService);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private String standaloneTask(String candidateGroup, String assignee) {
    String task = StandaloneTasks.create(taskService, "Task query check", candidateGroup, assignee);
    standaloneTasks.add(task);
    return task;
  }

  private void grant(String user, String group, Resource resource, String id,
      Permission permission) {
    Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(user);
    grant.setGroupId(group);
    grant.setResource(resource);
    grant.setResourceId(id);
    grant.addPermission(permission);
    grants.add(authorizationService.saveAuthorization(grant).getId());
  }

  private static TaskQueryImpl query(TaskQuery query) {
    return (TaskQueryImpl) query;
  }

  private static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }
}
