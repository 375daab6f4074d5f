package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.itops.SuiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** On an H2 database not analysed yet, the engine still reads an execution's variables by the execution's index. */
@SuiteTest
class H2StatisticsTest {

  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theVariablesOfAnExecutionAreReadByItsIndexBeforeH2AnalysedTheTable() {
    assumeTrue("h2".equals(configuration.getDatabaseType()), "H2's statistics; PostgreSQL analyses by itself");
    int taskIds = rating("TASK_ID_");
    int executionIds = rating("EXECUTION_ID_");
    try {
      // as on a fresh database: H2 rates every column alike until it analyses the table
      rate("TASK_ID_", H2Statistics.NOT_ANALYSED);
      rate("EXECUTION_ID_", H2Statistics.NOT_ANALYSED);
      assertThat(enginesPlan()).as("without the rating, every execution's variables are read")
          .contains("ACT_IDX_VARIABLE_TASK_ID");

      assertThat(H2Statistics.rateTaskIds(dataSource)).isTrue();

      assertThat(enginesPlan()).contains("ACT_FK_VAR_EXE").doesNotContain("ACT_IDX_VARIABLE_TASK_ID");
      assertThat(H2Statistics.rateTaskIds(dataSource)).as("H2's own rating is left alone").isFalse();
    } finally {
      rate("TASK_ID_", taskIds);
      rate("EXECUTION_ID_", executionIds);
    }
  }

  /** H2's plan for the engine's own statement "the variables of this execution". */
  private String enginesPlan() {
    Map<String, Object> parameter = new HashMap<>();
    parameter.put("executionId", "an-execution");
    parameter.put("variableNames", null);
    String sql = configuration.getSqlSessionFactory().getConfiguration()
        .getMappedStatement("selectVariablesByExecutionId")
        .getBoundSql(new ListQueryParameterObject(parameter, 0, Integer.MAX_VALUE)).getSql();
    return jdbc.queryForObject("EXPLAIN " + sql, String.class, "an-execution");
  }

  private int rating(String column) {
    return jdbc.queryForObject("select SELECTIVITY from INFORMATION_SCHEMA.COLUMNS where TABLE_NAME = 'ACT_RU_VARIABLE'"
        + " and COLUMN_NAME = ?", Integer.class, column);
  }

  private void rate(String column, int selectivity) {
    jdbc.execute("ALTER TABLE ACT_RU_VARIABLE ALTER COLUMN " + column + " SELECTIVITY " + selectivity);
  }
}
