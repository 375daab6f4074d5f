package org.itops.platform;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells PostgreSQL how the permission bits of the authorizations are spread. The engine grants each open task to its
 * candidate group (one authorization per task), and its task queries filter authorizations by bits
 * ({@code PERMS_ & 2 = 2}). PostgreSQL keeps no statistics on such expressions unless asked: it guesses that 0.5% of
 * the rows match and, with 100,000 open tasks, planned the count behind Tasklist's filter list as a loop over all
 * tasks times all authorizations: minutes instead of a second (docs/benchmarks.md). Expression statistics (PostgreSQL
 * 14 and later) fix the guess; autovacuum keeps them up to date.
 */
@Component
class AuthorizationStatistics implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(AuthorizationStatistics.class);

  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final JdbcTemplate jdbc;

  AuthorizationStatistics(ProcessEngineConfigurationImpl engineConfiguration, JdbcTemplate jdbc) {
    this.engineConfiguration = engineConfiguration;
    this.jdbc = jdbc;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (!"postgres".equals(engineConfiguration.getDatabaseType())) {
      return;
    }
    try {
      // READ on a task and READ_TASK on a process definition: the bits Tasklist's queries check
      jdbc.execute("create statistics if not exists itops_authorization_perms on (perms_ & 2), (perms_ & 64)"
          + " from act_ru_authorization");
      jdbc.execute("analyze act_ru_authorization");
    } catch (RuntimeException e) {
      log.warn("Could not create the statistics on act_ru_authorization (PostgreSQL 14 or later needed);"
          + " Tasklist's filter counts may be slow with many open tasks: {}", e.getMessage());
    }
  }
}
