package db.migration;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Record numbers from database sequences instead of the counter table: a counter row is locked until the creating
 * transaction ends, which queues every concurrent creation of its kind behind the one before. Each sequence starts
 * after the last number handed out. (A Java migration, because the start value is read, on H2 and PostgreSQL alike.)
 */
public class V4__record_number_sequences extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Map<String, Long> last = new LinkedHashMap<>();
    try (Statement statement = context.getConnection().createStatement();
        ResultSet counters = statement.executeQuery("select prefix, last_value from record_sequence")) {
      while (counters.next()) {
        last.put(counters.getString(1), counters.getLong(2));
      }
    }
    try (Statement statement = context.getConnection().createStatement()) {
      for (Map.Entry<String, Long> counter : last.entrySet()) {
        statement.execute("create sequence record_number_" + counter.getKey().toLowerCase()
            + " start with " + (counter.getValue() + 1));
      }
      statement.execute("drop table record_sequence");
    }
  }
}
