/**
 * Alerts from monitoring (guide 1.2 step 2, 4.1): the Alertmanager and Zabbix webhooks, deduplication by alert
 * identity, the {@code alert-handling} process and the link between an alert and its incident.
 */
package org.itops.alert;
