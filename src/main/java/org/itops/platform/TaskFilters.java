package org.itops.platform;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
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
 * Their names and descriptions are in the suite's language ({@link SuiteText}, keys {@code filter.*}); a filter named
 * in the other language (the suite's language changed) is renamed, so that it keeps its id, grants and users' links.
 */
@Component
public class TaskFilters implements SmartInitializingSingleton {

  /** The keys of the filters' texts: {@code filter.<key>.name} and {@code filter.<key>.description}. */
  static final String MY_TASKS = "myTasks";
  static final String MY_GROUPS_TASKS = "myGroupsTasks";
  static final String UNASSIGNED = "unassigned";

  /**
   * Variables shown on every task card: each process sets them (see docs/writing-processes.md, "Writing a process").
   */
  private static final List<String> CARD_VARIABLES = List.of("recordNumber", "title", "priority");

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final AccessProperties access;
  private final SuiteText text;

  TaskFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
      AccessProperties access, SuiteText text) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.access = access;
    this.text = text;
  }

  @Override
  public void afterSingletonsInstantiated() {
    Grants grants = new Grants(authorizationService);
    String myGroups = groupTasksFilterId();
    Filter unassigned = ensureShared(UNASSIGNED, 20, taskService.createTaskQuery().taskUnassigned());
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
    return ensureShared(MY_GROUPS_TASKS, 10, taskService.createTaskQuery().withCandidateGroups()).getId();
  }

  /** The name of the filter of that key in the suite's language. */
  private String name(String key) {
    return text.get("filter." + key + ".name");
  }

  /** Creates the user's "My tasks" filter unless it exists; the engine grants the owner all permissions on it. */
  public void ensurePersonalFilter(String userId) {
    Filter existing = named(MY_TASKS, userId);
    if (existing != null) {
      return;
    }
    Filter filter = filterService.newTaskFilter(name(MY_TASKS))
        .setOwner(userId)
        .setProperties(properties(MY_TASKS, 0))
        .setQuery(taskService.createTaskQuery().taskAssignee(userId));
    filterService.saveFilter(filter);
  }

  private Filter ensureShared(String key, int priority, TaskQuery query) {
    Filter existing = named(key, null);
    if (existing != null) {
      return existing;
    }
    Filter filter = filterService.newTaskFilter(name(key))
        .setProperties(properties(key, priority))
        .setQuery(query);
    return filterService.saveFilter(filter);
  }

  /**
   * The filter of that key and owner (null: shared), named in any of the suite's languages; renamed and described in
   * the suite's language when it is not; null when there is none.
   */
  private Filter named(String key, String owner) {
    // the suite's language first: the filter is looked up at every mail (its link), usually found at once
    Filter existing = Stream.concat(Stream.of(text.language()), SuiteProperties.LANGUAGES.stream())
        .map(language -> text.in(language, "filter." + key + ".name"))
        .distinct()
        .flatMap(name -> (owner == null ? filterService.createFilterQuery().filterName(name)
            : filterService.createFilterQuery().filterName(name).filterOwner(owner)).unlimitedList().stream())
        .filter(filter -> Objects.equals(filter.getOwner(), owner))
        .findFirst()
        .orElse(null);
    if (existing != null && !existing.getName().equals(name(key))) {
      Map<String, Object> properties = new HashMap<>(existing.getProperties());
      properties.putAll(properties(key, ((Number) properties.getOrDefault("priority", 0)).intValue()));
      existing.setName(name(key)).setProperties(properties);
      filterService.saveFilter(existing);
    }
    return existing;
  }

  private Map<String, Object> properties(String key, int priority) {
    return Map.of(
        "priority", priority,
        "description", text.get("filter." + key + ".description"),
        "refresh", true,
        "variables", CARD_VARIABLES.stream()
            .map(variable -> Map.of("name", variable, "label", text.get("filter.variable." + variable))).toList());
  }
}
