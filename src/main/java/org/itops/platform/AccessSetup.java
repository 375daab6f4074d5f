package org.itops.platform;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Creates the groups, the users (demo users, or the administrator in production mode) and the
 * authorizations of {@link AccessProperties} when the suite starts, before it serves requests and before
 * the job executor runs. Idempotent: runs at every start.
 */
@Component
class AccessSetup implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(AccessSetup.class);

  /** Passwords that anyone would try first; refused in production mode. */
  static final int MIN_TOKEN_LENGTH = 24;

  private static final List<String> DEFAULT_PASSWORDS =
      List.of("admin", "demo", "camunda", "password", "changeme", "secret", "123456");

  private final ProcessEngine engine;
  private final AccessProperties access;
  private final SuiteProperties suite;
  private final Environment environment;
  private final ShownCodes shownCodes;

  AccessSetup(ProcessEngine engine, AccessProperties access, SuiteProperties suite, Environment environment,
      ShownCodes shownCodes) {
    this.engine = engine;
    this.shownCodes = shownCodes;
    this.access = access;
    this.suite = suite;
    this.environment = environment;
  }

  @Override
  public void afterSingletonsInstantiated() {
    IdentityService identity = engine.getIdentityService();
    if (identity.isReadOnly()) {
      // the company directory (profile ldap, platform.directory): the groups and technical users come from this
      // configuration, the people and the groups' members from the directory; nothing is written there
      LOG.info("Users and group members come from the company directory (read-only); grants are set here");
      if (suite.productionMode()) {
        refuseWeakApiTokens();
      }
    } else {
      // named once, when created: a name changed in Admin stays, and so do the names when the language changes
      access.groups().forEach((id, name) -> ensureGroup(identity, id, shownCodes.groupName(id, name)));
      if (suite.productionMode()) {
        refuseDemoUsers(identity);
        refuseWeakApiTokens();
        ensureAdministrator(identity);
      } else if (suite.demoUsers()) {
        refuseDemoUsersOnPostgres();
        DemoUsers.ALL.forEach(demo -> ensureDemoUser(identity, demo));
      }
      suite.technicalUsers().forEach((userId, groups) -> ensureTechnicalUser(identity, userId, groups));
    }
    grantAccess(new Grants(engine.getAuthorizationService()));
  }

  private void grantAccess(Grants grants) {
    // The engine lets camunda-admin bypass most checks, but the webapps (Admin above all) ask for grants.
    for (Resource resource : Resources.values()) {
      grants.ensure(AccessProperties.ADMIN_GROUP, resource, Authorization.ANY, Permissions.ALL);
    }
    access.groups().keySet().forEach(group -> grants.ensure(group, APPLICATION, "tasklist", ACCESS));
    access.cockpitGroups().forEach(group -> grants.ensure(group, APPLICATION, "cockpit", ACCESS));
    access.staffGroups().forEach(group -> {
      grants.ensure(group, USER, Authorization.ANY, READ);
      grants.ensure(group, GROUP, Authorization.ANY, READ);
    });
    access.deployers().forEach(group -> {
      grants.ensure(group, DEPLOYMENT, Authorization.ANY, CREATE, READ);
      grants.ensure(group, DECISION_DEFINITION, Authorization.ANY, READ);
      grants.ensure(group, DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, READ);
    });
    access.processes().forEach((processKey, processAccess) -> {
      processAccess.start().forEach(group -> {
        grants.ensure(group, PROCESS_DEFINITION, processKey,
            ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        grants.ensure(group, PROCESS_INSTANCE, Authorization.ANY, CREATE);
      });
      processAccess.monitor().forEach(group -> grants.ensure(group, PROCESS_DEFINITION, processKey,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY));
    });
  }

  private static void ensureGroup(IdentityService identity, String id, String name) {
    if (identity.createGroupQuery().groupId(id).singleResult() != null) {
      return;
    }
    Group group = identity.newGroup(id);
    group.setName(name);
    group.setType(AccessProperties.ADMIN_GROUP.equals(id) ? "SYSTEM" : "WORKFLOW");
    identity.saveGroup(group);
  }

  private static void ensureDemoUser(IdentityService identity, DemoUsers.DemoUser demo) {
    if (identity.createUserQuery().userId(demo.id()).singleResult() == null) {
      User user = identity.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.id() + "@itops.localhost");
      user.setPassword(demo.id());
      identity.saveUser(user);
      LOG.info("Created demo user '{}' (password = user name)", demo.id());
    }
    for (String group : demo.groups()) {
      if (identity.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
        identity.createMembership(demo.id(), group);
      }
    }
  }

  /**
   * A machine's user (e.g. monitoring): a random password nobody knows; the machine logs in with an API token or
   * a password that an administrator sets in Admin.
   */
  private static void ensureTechnicalUser(IdentityService identity, String userId, List<String> groups) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName("Technical user");
      user.setLastName(userId);
      user.setPassword(UUID.randomUUID() + "-Aa1!");
      identity.saveUser(user);
      LOG.info("Created technical user '{}'", userId);
    }
    for (String group : groups) {
      if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
        identity.createMembership(userId, group);
      }
    }
  }

  /** API tokens are passwords: in production they must be long and not the embedded default's. */
  private void refuseWeakApiTokens() {
    suite.apiTokens().forEach((userId, token) -> {
      if (token != null && !token.isBlank() && (token.length() < MIN_TOKEN_LENGTH || token.startsWith("dev-"))) {
        throw new IllegalStateException("Production mode refuses to start: the API token of '" + userId + "' is"
            + " shorter than " + MIN_TOKEN_LENGTH + " characters or the embedded default's. Set a random one.");
      }
    });
  }

  /** A violated rule of Camunda's default password policy, in words. */
  private static String explain(PasswordPolicyRule rule) {
    String count = rule.getParameters() == null ? "" : String.valueOf(rule.getParameters().values().iterator().next());
    return switch (rule.getPlaceholder()) {
      case "PASSWORD_POLICY_LENGTH" -> "at least " + count + " characters";
      case "PASSWORD_POLICY_LOWERCASE" -> "at least " + count + " lower-case letter(s)";
      case "PASSWORD_POLICY_UPPERCASE" -> "at least " + count + " upper-case letter(s)";
      case "PASSWORD_POLICY_DIGIT" -> "at least " + count + " digit(s)";
      case "PASSWORD_POLICY_SPECIAL" -> "at least " + count + " special character(s)";
      case "PASSWORD_POLICY_USER_DATA" -> "not the user name or other data of the user";
      default -> rule.getPlaceholder();
    };
  }

  /**
   * The postgres profile means a shared database, production's or a cluster's: users with a published password must
   * never be created there, also when the prod profile was forgotten.
   */
  private void refuseDemoUsersOnPostgres() {
    if (environment.acceptsProfiles(Profiles.of("postgres"))) {
      throw new IllegalStateException("Refusing to start: the postgres profile is active and itops.demo-users is"
          + " true, which would create the demo users (password = user name) in that database. Start with the"
          + " profiles prod,postgres, or set itops.demo-users=false.");
    }
  }

  /** Demo users have a published password: in production they must not exist. */
  private static void refuseDemoUsers(IdentityService identity) {
    List<String> present = DemoUsers.ALL.stream()
        .map(DemoUsers.DemoUser::id)
        .filter(id -> identity.createUserQuery().userId(id).count() > 0)
        .toList();
    if (!present.isEmpty()) {
      throw new IllegalStateException("Production mode refuses to start: the demo users " + present
          + " exist and their password is their user name. Delete them (Admin > Users) or start from"
          + " a database that never ran the embedded default.");
    }
  }

  private void ensureAdministrator(IdentityService identity) {
    String userId = suite.admin().userId();
    String password = suite.admin().password();
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("Production mode refuses to start: set the administrator's password"
          + " in the environment variable ITOPS_ADMIN_PASSWORD (property itops.admin.password).");
    }
    if (password.equalsIgnoreCase(userId) || DEFAULT_PASSWORDS.contains(password.toLowerCase())) {
      throw new IllegalStateException("Production mode refuses to start: the administrator's password is a"
          + " default password. Choose another ITOPS_ADMIN_PASSWORD.");
    }
    User existing = identity.createUserQuery().userId(userId).singleResult();
    if (existing == null) {
      User admin = identity.newUser(userId);
      PasswordPolicyResult policy = identity.checkPasswordAgainstPolicy(password, admin);
      if (!policy.isValid()) {
        throw new IllegalStateException("Production mode refuses to start: ITOPS_ADMIN_PASSWORD does not meet"
            + " the password policy: " + policy.getViolatedRules().stream().map(AccessSetup::explain).toList());
      }
      admin.setFirstName("Suite");
      admin.setLastName("Administrator");
      admin.setPassword(password);
      identity.saveUser(admin);
      LOG.info("Created administrator '{}'", userId);
    }
    if (identity.createUserQuery().userId(userId).memberOfGroup(AccessProperties.ADMIN_GROUP).count() == 0) {
      identity.createMembership(userId, AccessProperties.ADMIN_GROUP);
    }
  }
}
