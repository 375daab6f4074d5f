package org.itops.e2e;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The incident records that the stories wait for (steps after a mail step go on in the job executor). */
final class IncidentRecords {

  private final JdbcTemplate jdbc;

  IncidentRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The number of the incident with that title, once it is recorded. */
  String numberOf(Browser browser, String title) {
    String[] found = new String[1];
    browser.eventually(() -> {
      List<String> rows = jdbc.queryForList("select number from incident where title = ?", String.class, title);
      found[0] = rows.isEmpty() ? null : rows.get(0);
      return found[0] != null;
    }, "the incident record of " + title);
    return found[0];
  }

  void waitForStatus(Browser browser, String number, String status) {
    browser.eventually(() -> status.equals(jdbc.queryForObject("select status from incident where number = ?",
        String.class, number)), number + " to be " + status);
  }
}
