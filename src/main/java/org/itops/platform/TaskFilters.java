package org.itops.platform;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters. Expressions in stored queries are off (Camunda's security guide), so no filter
 * can say {@code ${currentUser()}}; instead:
 * <ul>
 *   <li>"My groups' tasks" and "Unassigned" are shared filters whose results Camunda's authorization
 *       narrows to the tasks of the user's own groups;</li>
 *   <li>"My tasks" is a personal filter per user ({@code taskAssignee = <user>}), created at the user's
 *       first login to the webapps ({@link AfterWebappLogin}).</li>
 * </ul>
 */
@Component
public class TaskFilters implements SmartInitializingSingleton {

  static final String MY_TASKS = "My tasks";
  static final String MY_GROUPS_TASKS = "My groups' tasks";
  static final String UNASSIGNED = "Unassigned";

  /** Variables shown on every task card: each process sets them (see README, "Writing a process"). */
  private static final List<Map<String, String>> CARD_VARIABLES = List.of(
      Map.of("name", "recordNumber", "label", "Record"),
      Map.of("name", "title", "label", "Title"),
      Map.of("name", "priority", "label", "Priority"));

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final AccessProperties access;

  TaskFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
      AccessProperties access) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.access = access;
  }

  @Override
  public void afterSingletonsInstantiated() {
    Grants grants = new Grants(authorizationService);
    String myGroups = groupTasksFilterId();
    Filter unassigned = ensureShared(UNASSIGNED, 20, "Tasks of your groups that nobody has claimed yet",
        taskService.createTaskQuery().taskUnassigned());
    for (String group : access.groups().keySet()) {
      grants.ensure(group, FILTER, myGroups, READ);
      grants.ensure(group, FILTER, unassigned.getId(), READ);
    }
  }

  /**
   * The id of "My groups' tasks", which shows every task a user may do: each task of the suite has candidate
   * groups, and the tasks assigned to the user are among them.
   */
  public String groupTasksFilterId() {
    return ensureShared(MY_GROUPS_TASKS, 10, "Tasks of your groups, claimed or not",
        taskService.createTaskQuery().withCandidateGroups()).getId();
  }

  /** Creates the user's "My tasks" filter unless it exists; the engine grants the owner all permissions on it. */
  public void ensurePersonalFilter(String userId) {
    if (filterService.createFilterQuery().filterName(MY_TASKS).filterOwner(userId).count() > 0) {
      return;
    }
    Filter filter = filterService.newTaskFilter(MY_TASKS)
        .setOwner(userId)
        .setProperties(properties(0, "Tasks assigned to you"))
        .setQuery(taskService.createTaskQuery().taskAssignee(userId));
    filterService.saveFilter(filter);
  }

  private Filter ensureShared(String name, int priority, String description, TaskQuery query) {
    Filter existing = filterService.createFilterQuery().filterName(name).unlimitedList().stream()
        .filter(filter -> filter.getOwner() == null)
        .findFirst()
        .orElse(null);
    if (existing != null) {
      return existing;
    }
    Filter filter = filterService.newTaskFilter(name)
        .setProperties(properties(priority, description))
        .setQuery(query);
    return filterService.saveFilter(filter);
  }

  private static Map<String, Object> properties(int priority, String description) {
    return Map.of(
        "priority", priority,
        "description", description,
        "refresh", true,
        "variables", CARD_VARIABLES);
  }
}
