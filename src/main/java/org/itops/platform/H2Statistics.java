package org.itops.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * On H2, the statistic that makes the engine read an execution's variables by the execution's index. Until H2 has
 * analysed {@code ACT_RU_VARIABLE} (after thousands of changes) it rates every column alike, and for the engine's
 * "variables of this execution" ({@code EXECUTION_ID_ = ? and TASK_ID_ is null}) it picks the index on {@code
 * TASK_ID_}, which holds every variable of every execution under null: each lookup read all of them, and each pooled
 * connection kept that plan until it was replaced (30 minutes). With open satisfaction surveys piling up, the job
 * executor's CPU per incident doubled within ten minutes of a fresh database (docs/benchmarks.md, "Incidents end to
 * end, round after round"). Set once, while the column still has H2's default rating; H2's own analysis replaces it
 * later with the same finding. The connections opened before are replaced, so that no plan made without it stays.
 */
@Component
class H2Statistics extends AbstractProcessEnginePlugin {

  /** H2's rating of a column it has not analysed (0 to 100: the share of distinct values). */
  static final int NOT_ANALYSED = 50;

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) processEngine).getProcessEngineConfiguration();
    if ("h2".equals(configuration.getDatabaseType())) {
      rateTaskIds(configuration.getDataSource());
    }
  }

  /** Answers whether it set the rating (it had H2's default). */
  static boolean rateTaskIds(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      try (ResultSet rating = statement.executeQuery("select SELECTIVITY from INFORMATION_SCHEMA.COLUMNS"
          + " where TABLE_NAME = 'ACT_RU_VARIABLE' and COLUMN_NAME = 'TASK_ID_'")) {
        if (!rating.next() || rating.getInt(1) != NOT_ANALYSED) {
          return false;
        }
      }
      // most variables belong to executions, not tasks: few distinct values
      statement.execute("ALTER TABLE ACT_RU_VARIABLE ALTER COLUMN TASK_ID_ SELECTIVITY 1");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not rate ACT_RU_VARIABLE.TASK_ID_ on H2", e);
    }
    try {
      if (dataSource.isWrapperFor(HikariDataSource.class)) {
        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not replace the pooled connections", e);
    }
    return true;
  }
}
