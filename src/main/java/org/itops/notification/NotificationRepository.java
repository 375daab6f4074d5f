package org.itops.notification;

import java.util.Map;
import java.util.Set;
import org.itops.platform.Table;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The notification feature's table, {@code notification_log}. */
@Repository
class NotificationRepository {

  private static final Table<NotificationLog> LOG = Table.of("notification_log", NotificationLog.class, "id");

  private final NamedParameterJdbcTemplate jdbc;

  NotificationRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(NotificationLog sent) {
    jdbc.update(LOG.insertGeneratingKey(), LOG.parameters(sent));
  }

  /** The addresses that the delivery (a mail of the outbox, or an older {@code mail-delivery} instance) has sent to. */
  Set<String> addressesServedBy(String deliveryId) {
    return Set.copyOf(jdbc.queryForList("select recipients from notification_log where delivery_id = :deliveryId",
        Map.of("deliveryId", deliveryId), String.class));
  }
}
