package org.itops.alert;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alert intake (prefix {@code itops.alerts}).
 *
 * @param user the technical user that monitoring systems log in as, and that reports their incidents; it is a
 *     member of the group {@code monitoring}, which may post alerts
 */
@ConfigurationProperties("itops.alerts")
record AlertProperties(@DefaultValue("monitoring") String user) {}
