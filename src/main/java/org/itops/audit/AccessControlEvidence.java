package org.itops.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.itops.platform.CurrentUser;
import org.itops.platform.SuiteTime;
import org.springframework.stereotype.Component;

/**
 * A.5.15 access control, from the engine's identity: who is in which group and which grants exist now, and the
 * changes to users, groups, memberships and grants in the period from the engine's user operation log. The engine
 * writes that log from history level {@code full} on; at a lower level (the suite runs at {@code audit}) the report
 * says that the period's changes were not recorded.
 */
@Component
class AccessControlEvidence implements ControlEvidence {

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final HistoryService historyService;
  private final ProcessEngineConfiguration engine;
  private final CurrentUser currentUser;
  private final EvidenceTexts texts;
  private final SuiteTime time;

  AccessControlEvidence(IdentityService identityService, AuthorizationService authorizationService,
      HistoryService historyService, ProcessEngine engine, CurrentUser currentUser, EvidenceTexts texts,
      SuiteTime time) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.historyService = historyService;
    this.engine = engine.getProcessEngineConfiguration();
    this.currentUser = currentUser;
    this.texts = texts;
    this.time = time;
  }

  @Override
  public String control() {
    return "A.5.15";
  }

  @Override
  public List<String> columns() {
    return List.of("evidence.access.kind", "evidence.access.who", "evidence.access.what", "evidence.access.when");
  }

  /** Read as the suite: the evidence is the whole of the identity, whoever's step makes it. */
  @Override
  public List<Row> rows(Instant from, Instant to) {
    return currentUser.asSystem(() -> {
      List<Row> rows = new ArrayList<>();
      for (Group group : identityService.createGroupQuery().orderByGroupId().asc().unlimitedList()) {
        for (User user : identityService.createUserQuery().memberOfGroup(group.getId()).orderByUserId().asc()
            .unlimitedList()) {
          rows.add(new Row(group.getId(), "/engine-rest/user?memberOfGroup=" + group.getId(), List.of(
              texts.text("evidence.access.member"), user.getId(), group.getName() == null ? group.getId()
                  : group.getName(), "")));
        }
      }
      for (Authorization grant : authorizationService.createAuthorizationQuery().orderByResourceType().asc()
          .orderByResourceId().asc().unlimitedList()) {
        rows.add(new Row(grant.getId(), "/engine-rest/authorization/" + grant.getId(), List.of(
            texts.text(grant.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE ? "evidence.access.revoke"
                : "evidence.access.grant"),
            grant.getUserId() != null ? grant.getUserId() : grant.getGroupId(),
            resourceName(grant.getResourceType()) + " " + grant.getResourceId() + ": " + Arrays.stream(grant
                .getPermissions(Permissions.values())).filter(permission -> permission != Permissions.NONE)
                .map(Permission::getName).collect(Collectors.joining(", ")),
            "")));
      }
      for (UserOperationLogEntry change : historyService.createUserOperationLogQuery()
          .categoryIn(UserOperationLogEntry.CATEGORY_ADMIN).entityTypeIn(EntityTypes.USER, EntityTypes.GROUP,
              EntityTypes.GROUP_MEMBERSHIP, EntityTypes.AUTHORIZATION)
          .afterTimestamp(Date.from(from.minusMillis(1))).beforeTimestamp(Date.from(to)).orderByTimestamp().asc()
          .unlimitedList()) {
        rows.add(new Row(change.getOperationId(), "/engine-rest/history/user-operation?operationId="
            + change.getOperationId(), List.of(texts.text("evidence.access.change"), change.getUserId() == null ? ""
            : change.getUserId(), change.getEntityType() + " " + change.getOperationType() + " " + change.getProperty()
            + ": " + change.getOrgValue() + " -> " + change.getNewValue(), time.format(change.getTimestamp()))));
      }
      return rows;
    });
  }

  @Override
  public String note() {
    return ProcessEngineConfiguration.HISTORY_FULL.equals(engine.getHistory()) ? ""
        : texts.text("evidence.access.notLogged", engine.getHistory());
  }

  private static String resourceName(int type) {
    return Arrays.stream(Resources.values()).filter(resource -> resource.resourceType() == type)
        .map(Resource::resourceName).findFirst().orElse(String.valueOf(type));
  }
}
