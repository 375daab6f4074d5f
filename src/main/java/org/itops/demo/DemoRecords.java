package org.itops.demo;

import java.util.List;

/** What happened in the demo month: the configuration items and the incidents with how far each went. */
final class DemoRecords {

  /** How far an incident went. */
  enum Stage { REPORTED, TRIAGED, TAKEN, RESOLVED, CLOSED }

  record DemoIncident(int daysAgo, String reporter, String title, String description, String impact, String urgency,
      String category, String configurationItem, Boolean major, String group, int minutesToTake,
      int minutesToResolve, boolean breachesResponse, String resolution, Stage stage) {}

  static final String CONFIGURATION_ITEMS = """
      name,type,environment,owner_group,criticality,service,depends_on,description
      core-db,database,production,ops-engineers,critical,,,PostgreSQL primary of the business applications
      mail-01,server,production,ops-engineers,high,,,Mail transfer agent
      vpn-gw,network-device,production,ops-engineers,high,,,Remote access gateway
      erp-app,application,production,ops-engineers,critical,,core-db,ERP application server
      intranet,application,production,service-desk,medium,,core-db,Intranet portal
      print-01,server,production,service-desk,low,,,Print server of the head office
      """;

  static final List<DemoIncident> INCIDENTS = List.of(
      new DemoIncident(29, "requester", "VPN drops every hour", "Remote users lose the tunnel at the full hour",
          "medium", "high", "network", "vpn-gw", null, "ops-engineers", 12, 180, false,
          "Raised the IKE rekey lifetime on the gateway", Stage.CLOSED),
      new DemoIncident(27, "requester", "Printer on floor 2 jams", "Every second page jams", "low", "low", "workplace",
          "print-01", null, "service-desk", 90, 600, false, "Replaced the pickup roller", Stage.CLOSED),
      new DemoIncident(24, "desk", "ERP down for all users", "The ERP answers 503 since 08:10", "high", "high",
          "application", "erp-app", true, "ops-engineers", 10, 95, false,
          "Failed over the database; the connection pool of the ERP was exhausted", Stage.CLOSED),
      new DemoIncident(21, "requester", "Mail to external partners delayed", "Mails leave an hour late", "medium",
          "medium", "server", "mail-01", null, "ops-engineers", 200, 900, true,
          "Cleared the deferred queue and fixed the relay's DNS", Stage.CLOSED),
      new DemoIncident(17, "requester", "Intranet search returns nothing", "Search finds no pages since Monday", "low",
          "medium", "application", "intranet", null, "service-desk", 45, 300, false, "Rebuilt the search index",
          Stage.CLOSED),
      new DemoIncident(12, "requester", "Password reset mail never arrives", "Reset links do not reach users",
          "medium", "high", "access", "mail-01", null, "ops-engineers", 20, 240, false,
          "Allowed the reset sender on the spam filter", Stage.CLOSED),
      new DemoIncident(8, "desk", "Database replication lag", "The replica is 40 minutes behind", "high", "medium",
          "database", "core-db", null, "ops-engineers", 25, 360, true, "Added an index the reports needed",
          Stage.RESOLVED),
      new DemoIncident(4, "requester", "Laptop will not boot", "Blue screen after the update", "low", "high",
          "workplace", null, null, "service-desk", 30, 120, false, "Rolled back the driver update", Stage.RESOLVED),
      new DemoIncident(2, "requester", "Shared drive slow", "Opening files takes a minute", "medium", "medium",
          "server", null, null, "ops-engineers", 40, 0, false, null, Stage.TAKEN),
      new DemoIncident(1, "requester", "Cannot print invoices", "The invoice printer queue is stuck", "low", "medium",
          "workplace", "print-01", null, "service-desk", 0, 0, false, null, Stage.TRIAGED),
      new DemoIncident(0, "requester", "Intranet slow in the morning", "Pages take 10 seconds before 09:00", "low",
          "low", "application", "intranet", null, "service-desk", 0, 0, false, null, Stage.REPORTED));

  private DemoRecords() {}
}
