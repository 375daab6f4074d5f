package org.itops.platform.directory;

import static org.itops.platform.directory.DirectoryIdentityProvider.equal;
import static org.itops.platform.directory.DirectoryIdentityProvider.like;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** A group query: the suite's groups, their members from the company directory ({@link DirectoryIdentityProvider}). */
class DirectoryGroupQuery extends GroupQueryImpl {

  private final transient DirectoryIdentityProvider provider;

  DirectoryGroupQuery(DirectoryIdentityProvider provider) {
    this.provider = provider;
  }

  DirectoryGroupQuery(DirectoryIdentityProvider provider, CommandExecutor commandExecutor) {
    super(commandExecutor);
    this.provider = provider;
  }

  @Override
  public long executeCount(CommandContext commandContext) {
    checkQueryOk();
    return provider.countGroups(this);
  }

  @Override
  public List<Group> executeList(CommandContext commandContext, Page page) {
    checkQueryOk();
    return provider.findGroups(this, page);
  }

  boolean hasPotentialStarter() {
    return procDefId != null;
  }

  /** Whether the group meets every criterion of the query but the member (answered by the directory). */
  boolean matches(Group group) {
    return equal(group.getId(), id) && (ids == null || Arrays.asList(ids).contains(group.getId()))
        && equal(group.getName(), name) && like(group.getName(), nameLike) && equal(group.getType(), type);
  }
}
