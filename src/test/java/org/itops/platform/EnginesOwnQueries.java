package org.itops.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;

/**
 * Runs some work with the engine's own statements instead of the suite's {@link AuthorizationQueries}, as the engine
 * runs without the plugin: for the tests and benchmarks that compare the two. Not for concurrent use: every thread of
 * the engine runs the engine's statements meanwhile.
 */
public final class EnginesOwnQueries {

  public static <T> T run(ProcessEngineConfigurationImpl configuration, Callable<T> work) throws Exception {
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    Map<String, String> suites = sessions.getStatementMappings();
    Map<String, String> engines = new HashMap<>(suites);
    engines.keySet().removeAll(AuthorizationQueries.STATEMENTS.keySet());
    sessions.setStatementMappings(engines);
    try {
      return work.call();
    } finally {
      sessions.setStatementMappings(suites);
    }
  }

  private EnginesOwnQueries() {}
}
