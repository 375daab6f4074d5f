package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.itops.ReadAttempts;
import org.itops.SuiteClient;
import org.itops.StandaloneTasks;
import org.itops.SuiteTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Tasklist filter's count ({@link FilterCountLimit}) is exact up to 1,000 tasks and 1,001 above, through the engine
 * and through the engine API's filter page (Tasklist's request, here with Basic credentials); the task query's own
 * count stays exact; the authorization check holds in the filter's count as in its page.
 */
@SuiteTest
class FilterCountLimitTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired TaskFilters taskFilters;

  private final List<String> tasks = new ArrayList<>();
  private final List<String> grants = new ArrayList<>();
  private final String queue = "fc-queue-" + System.nanoTime();
  private final String otherQueue = "fc-other-" + System.nanoTime();
  private String myGroupsTasks;
  private String user;
  private String otherUser;

  @BeforeEach
  void twoQueuesThatMaySeeTheSharedFilter() {
    identityService.saveGroup(identityService.newGroup(queue));
    identityService.saveGroup(identityService.newGroup(otherQueue));
    user = ReadAttempts.newUser(identityService, "fcuser", queue);
    otherUser = ReadAttempts.newUser(identityService, "fcother", otherQueue);
    myGroupsTasks = taskFilters.groupTasksFilterId();
    for (String group : List.of(queue, otherQueue)) {
      Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(group);
      grant.setResource(FILTER);
      grant.setResourceId(myGroupsTasks);
      grant.addPermission(READ);
      grants.add(authorizationService.saveAuthorization(grant).getId());
    }
  }

  @AfterEach
  void removeThem() {
    identityService.clearAuthentication();
    configuration.getCommandExecutorTxRequired().execute(context -> {
      tasks.forEach(id -> taskService.deleteTask(id, true));
      return null;
    });
    grants.forEach(authorizationService::deleteAuthorization);
    identityService.deleteUser(user);
    identityService.deleteUser(otherUser);
    identityService.deleteGroup(queue);
    identityService.deleteGroup(otherQueue);
  }

  @Test
  void aFiltersCountIsExactUpToTheLimitAndTheLimitPlusOneAbove() {
    addTasks(queue, FilterCountLimit.LIMIT - 1);
    addTasks(otherQueue, 3);
    assertThat(as(user, () -> filterService.count(myGroupsTasks))).isEqualTo(FilterCountLimit.LIMIT - 1);

    addTasks(queue, 1);
    assertThat(as(user, () -> filterService.count(myGroupsTasks))).isEqualTo(FilterCountLimit.LIMIT);

    addTasks(queue, 5);
    assertThat(as(user, () -> filterService.count(myGroupsTasks))).isEqualTo(FilterCountLimit.MORE);
    // the task query itself, the same query as the filter's, counts them all
    assertThat(as(user, () -> taskService.createTaskQuery().withCandidateGroups().count()))
        .isEqualTo(FilterCountLimit.LIMIT + 5);
    // the limited count checks authorizations as the page does: the other queue's 3 tasks, none of the first's
    assertThat(as(otherUser, () -> filterService.count(myGroupsTasks))).isEqualTo(3);
  }

  @Test
  void aFiltersPageThroughTheEngineApiCarriesTheLimitedCountAndTheTaskCountStaysExact() throws Exception {
    addTasks(queue, FilterCountLimit.LIMIT + 5);
    SuiteClient client = new SuiteClient(port);
    HttpResponse<String> page = client.send(client.request(user, "/engine-rest/filter/" + myGroupsTasks
            + "/list?firstResult=0&maxResults=15")
        .header("Accept", "application/hal+json").header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(
            "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}")));
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    var body = JSON.readTree(page.body());
    assertThat(body.get("count").asLong()).isEqualTo(FilterCountLimit.MORE);
    assertThat(body.get("_embedded").get("task")).hasSize(15);

    HttpResponse<String> count = client.get(user, "/engine-rest/task/count?withCandidateGroups=true");
    assertThat(JSON.readTree(count.body()).get("count").asLong()).as(count.body())
        .isEqualTo(FilterCountLimit.LIMIT + 5);
  }

  /** Standalone tasks of the group, in one transaction (the engine grants each to its group, as for any task). */
  private void addTasks(String group, int count) {
    configuration.getCommandExecutorTxRequired().execute(context -> {
      for (int i = 0; i < count; i++) {
        tasks.add(StandaloneTasks.create(taskService, "Filter count check", group, null));
      }
      return null;
    });
  }

  private <T> T as(String userId, Supplier<T> query) {
    identityService.setAuthentication(userId, identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList());
    try {
      return query.get();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
