package org.itops.notification;

import org.itops.platform.Table;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The notification feature's table, {@code notification_log}. */
@Repository
class NotificationRepository {

  private static final Table<NotificationLog> LOG = Table.of("notification_log", NotificationLog.class, "id");
  /** Without the id, which the database generates (an identity column). */
  private static final String INSERT = "insert into notification_log (record_number, template, recipients, subject,"
      + " process_instance_id, activity_id, sent_at) values (:recordNumber, :template, :recipients, :subject,"
      + " :processInstanceId, :activityId, :sentAt)";

  private final NamedParameterJdbcTemplate jdbc;

  NotificationRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(NotificationLog sent) {
    jdbc.update(INSERT, LOG.parameters(sent));
  }
}
