package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.itops.SuiteTest;
import org.itops.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;

/** The build's second test run really runs on PostgreSQL: our tables and the engine's both. */
@SuiteTest
class TestDatabaseTest {

  @Autowired DataSource dataSource;
  @Autowired ManagementService managementService;

  @Test
  void theSuiteRunsOnTheDatabaseOfThisRun() throws Exception {
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);

    assertThat(product).isEqualTo(TestDatabase.isPostgres() ? "PostgreSQL" : "H2");
    assertThat(managementService.getProperties()).containsKey("schema.version");
    assertThat(managementService.getTableCount()).containsKey("ACT_RU_TASK");
    if (TestDatabase.isPostgres()) {
      // AuthorizationStatistics: without them a Tasklist filter count over many open tasks takes minutes
      assertThat(new JdbcTemplate(dataSource).queryForObject(
          "select count(*) from pg_statistic_ext where stxname = 'itops_authorization_perms'", Integer.class))
          .as("statistics on the permission bits of act_ru_authorization").isOne();
    }
  }
}
