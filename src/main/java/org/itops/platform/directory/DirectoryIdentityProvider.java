package org.itops.platform.directory;

import com.unboundid.ldap.sdk.Filter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.GroupQueryProperty;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.UserQueryProperty;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's identity with the company directory: users and passwords from LDAP, the suite's groups
 * ({@code itops.access.groups}) with their members from the mapped directory groups, and the suite's technical users
 * ({@code itops.technical-users}, e.g. monitoring) with their configured groups and no password (they use API
 * tokens). Nothing is written: Admin shows users and groups read-only. No tenants.
 *
 * <p>The engine's identity provider interface and its query classes are in Camunda's {@code impl} packages: they are
 * the only way to give the engine another identity source (Camunda's own LDAP plugin uses them too).
 */
class DirectoryIdentityProvider implements ReadOnlyIdentityProvider {

  private final Directory directory;
  /** The suite's groups: id and name, as itops.access.groups lists them. */
  private final Map<String, String> groups;
  /** The admin group is a system group, as the database identity has it. */
  private final String adminGroup;
  private final Map<String, List<String>> technicalUsers;

  DirectoryIdentityProvider(Directory directory, Map<String, String> groups, String adminGroup,
      Map<String, List<String>> technicalUsers) {
    this.directory = directory;
    this.groups = new LinkedHashMap<>(groups);
    this.adminGroup = adminGroup;
    this.technicalUsers = technicalUsers;
  }

  // -- users

  @Override
  public User findUserById(String userId) {
    return createUserQuery(Context.getCommandContext()).userId(userId).singleResult();
  }

  @Override
  public UserQuery createUserQuery() {
    return new DirectoryUserQuery(this, Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
  }

  @Override
  public UserQuery createUserQuery(CommandContext commandContext) {
    return new DirectoryUserQuery(this);
  }

  @Override
  public NativeUserQuery createNativeUserQuery() {
    throw new BadUserRequestException("Native user queries do not work with the company directory (profile ldap)");
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    // technical users have no password in the directory: they log in with an API token
    return userId != null && !technicalUsers.containsKey(userId) && directory.authenticate(userId, password);
  }

  List<User> findUsers(DirectoryUserQuery query, Page page) {
    if (query.getTenantId() != null || query.hasPotentialStarter()) {
      return List.of(); // no tenants; who may start a process is asked of the grants, not of people one by one
    }
    Stream<User> candidates;
    if (query.getGroupId() != null) {
      candidates = Stream.concat(directory.membersOf(query.getGroupId()).stream().map(DirectoryIdentityProvider::user),
          technicalUsersIn(query.getGroupId()));
    } else if (query.getId() != null) {
      // one user by id, the most frequent question (the engine, mail, the suite's checks): a technical user is
      // answered without the directory, a person with the directory's last answer while it is down
      candidates = technicalUsers.containsKey(query.getId()) ? Stream.of(technicalUser(query.getId()))
          : directory.user(query.getId()).stream().map(DirectoryIdentityProvider::user);
    } else {
      candidates = Stream.concat(directory.users(ldapFilter(query)).stream().map(DirectoryIdentityProvider::user),
          technicalUsers.keySet().stream().map(DirectoryIdentityProvider::technicalUser));
    }
    return page(candidates.filter(query::matches).filter(DirectoryIdentityProvider::mayRead)
        .sorted(userOrder(query)).toList(), page);
  }

  long countUsers(DirectoryUserQuery query) {
    return findUsers(query, null).size();
  }

  /** The criteria the directory can answer; the query checks them all again on what comes back. */
  private Filter ldapFilter(DirectoryUserQuery query) {
    List<Filter> criteria = new ArrayList<>();
    if (query.getIds() != null) {
      criteria.add(Filter.createORFilter(Stream.of(query.getIds())
          .map(id -> Filter.createEqualityFilter(directoryIdAttribute(), id)).toList()));
    }
    if (query.getEmail() != null) {
      criteria.add(Filter.createEqualityFilter(directory.properties().emailAttribute(), query.getEmail()));
    }
    return criteria.isEmpty() ? Filter.createPresenceFilter(directoryIdAttribute()) : Filter.createANDFilter(criteria);
  }

  private String directoryIdAttribute() {
    return directory.properties().userIdAttribute();
  }

  private Stream<User> technicalUsersIn(String group) {
    return technicalUsers.entrySet().stream().filter(e -> e.getValue().contains(group))
        .map(e -> technicalUser(e.getKey()));
  }

  /**
   * Who may see a user, as with the database's identity: those granted READ on users (the staff, in AccessSetup),
   * and everybody themselves.
   */
  private static boolean mayRead(User user) {
    CommandContext command = Context.getCommandContext();
    var authentication = command.getAuthentication();
    return authentication == null || user.getId().equals(authentication.getUserId())
        || command.getAuthorizationManager().isAuthorized(Permissions.READ, Resources.USER, user.getId());
  }

  private static User user(DirectoryEntry entry) {
    UserEntity user = new UserEntity(entry.id());
    user.setFirstName(entry.firstName());
    user.setLastName(entry.lastName());
    user.setEmail(entry.email());
    return user;
  }

  private static User technicalUser(String id) {
    UserEntity user = new UserEntity(id);
    user.setFirstName("Technical user");
    user.setLastName(id);
    return user;
  }

  private static Comparator<User> userOrder(AbstractQuery<?, ?> query) {
    return order(query, property -> {
      if (UserQueryProperty.FIRST_NAME.getName().equals(property)) {
        return User::getFirstName;
      } else if (UserQueryProperty.LAST_NAME.getName().equals(property)) {
        return User::getLastName;
      } else if (UserQueryProperty.EMAIL.getName().equals(property)) {
        return User::getEmail;
      }
      return User::getId;
    });
  }

  // -- groups

  @Override
  public Group findGroupById(String groupId) {
    return groups.containsKey(groupId) ? group(groupId) : null;
  }

  @Override
  public GroupQuery createGroupQuery() {
    return new DirectoryGroupQuery(this, Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
  }

  @Override
  public GroupQuery createGroupQuery(CommandContext commandContext) {
    return new DirectoryGroupQuery(this);
  }

  List<Group> findGroups(DirectoryGroupQuery query, Page page) {
    if (query.getTenantId() != null || query.hasPotentialStarter()) {
      return List.of();
    }
    Set<String> ofUser = query.getUserId() == null ? null : groupsOf(query.getUserId());
    return page(groups.keySet().stream().filter(id -> ofUser == null || ofUser.contains(id)).map(this::group)
        .filter(query::matches).sorted(groupOrder(query)).toList(), page);
  }

  long countGroups(DirectoryGroupQuery query) {
    return findGroups(query, null).size();
  }

  private Set<String> groupsOf(String userId) {
    List<String> technical = technicalUsers.get(userId);
    return technical != null ? Set.copyOf(technical) : directory.suiteGroupsOf(userId);
  }

  private Group group(String id) {
    GroupEntity group = new GroupEntity(id);
    group.setName(groups.get(id));
    group.setType(adminGroup.equals(id) ? "SYSTEM" : "WORKFLOW");
    return group;
  }

  private static Comparator<Group> groupOrder(AbstractQuery<?, ?> query) {
    return order(query, property -> {
      if (GroupQueryProperty.NAME.getName().equals(property)) {
        return Group::getName;
      } else if (GroupQueryProperty.TYPE.getName().equals(property)) {
        return Group::getType;
      }
      return Group::getId;
    });
  }

  // -- tenants: none

  @Override
  public Tenant findTenantById(String tenantId) {
    return null;
  }

  @Override
  public TenantQuery createTenantQuery() {
    return new NoTenants(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
  }

  @Override
  public TenantQuery createTenantQuery(CommandContext commandContext) {
    return new NoTenants();
  }

  // -- the session: one provider serves every command, it holds nothing per command

  @Override
  public void flush() {}

  @Override
  public void close() {}

  Directory directory() {
    return directory;
  }

  /** The query's ordering (by id when it asks none), nulls last. */
  private static <T> Comparator<T> order(AbstractQuery<?, ?> query,
      Function<String, Function<T, String>> propertyValue) {
    Comparator<T> order = null;
    for (QueryOrderingProperty ordering : query.getOrderingProperties()) {
      Comparator<T> by = Comparator.comparing(propertyValue.apply(ordering.getQueryProperty().getName()),
          Comparator.nullsLast(Comparator.naturalOrder()));
      if (ordering.getDirection() != null && "desc".equalsIgnoreCase(ordering.getDirection().getName())) {
        by = by.reversed();
      }
      order = order == null ? by : order.thenComparing(by);
    }
    return order != null ? order : Comparator.comparing(propertyValue.apply(null), Comparator.nullsLast(
        Comparator.naturalOrder()));
  }

  /** The page of the list the query asks for; all of it for a query without a page. */
  private static <T> List<T> page(List<T> all, Page page) {
    if (page == null) {
      return all;
    }
    int from = Math.min(page.getFirstResult(), all.size());
    int to = (int) Math.min((long) from + page.getMaxResults(), all.size());
    return all.subList(from, to);
  }

  /** SQL's LIKE of Camunda's queries ({@code %} any text, {@code _} one character) as a case-insensitive match. */
  static boolean like(String value, String pattern) {
    if (pattern == null) {
      return true;
    }
    if (value == null) {
      return false;
    }
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(value).matches();
  }

  static boolean equal(String value, String wanted) {
    return wanted == null || Objects.equals(value, wanted);
  }
}
