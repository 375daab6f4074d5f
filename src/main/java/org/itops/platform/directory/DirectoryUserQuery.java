package org.itops.platform.directory;

import static org.itops.platform.directory.DirectoryIdentityProvider.equal;
import static org.itops.platform.directory.DirectoryIdentityProvider.like;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** A user query answered by the company directory ({@link DirectoryIdentityProvider}). */
class DirectoryUserQuery extends UserQueryImpl {

  private final transient DirectoryIdentityProvider provider;

  DirectoryUserQuery(DirectoryIdentityProvider provider) {
    this.provider = provider;
  }

  DirectoryUserQuery(DirectoryIdentityProvider provider, CommandExecutor commandExecutor) {
    super(commandExecutor);
    this.provider = provider;
  }

  @Override
  public long executeCount(CommandContext commandContext) {
    checkQueryOk();
    return provider.countUsers(this);
  }

  @Override
  public List<User> executeList(CommandContext commandContext, Page page) {
    checkQueryOk();
    return provider.findUsers(this, page);
  }

  boolean hasPotentialStarter() {
    return procDefId != null;
  }

  /** Whether the user meets every criterion of the query but the group (answered by the directory). */
  boolean matches(User user) {
    return equal(user.getId(), id) && (ids == null || Arrays.asList(ids).contains(user.getId()))
        && equal(user.getFirstName(), firstName) && like(user.getFirstName(), firstNameLike)
        && equal(user.getLastName(), lastName) && like(user.getLastName(), lastNameLike)
        && (email == null || email.equalsIgnoreCase(user.getEmail())) && like(user.getEmail(), emailLike);
  }
}
