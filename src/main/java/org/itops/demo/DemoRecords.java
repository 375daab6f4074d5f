package org.itops.demo;

import java.util.List;
import java.util.Map;

/** What happened in the demo month: the catalog's services, the configuration items and the incidents. */
final class DemoRecords {

  /** How far an incident went. */
  enum Stage { REPORTED, TRIAGED, TAKEN, RESOLVED, CLOSED }

  /** An incident of the month; {@code rating}: the reporter's answer to its survey once closed (null: none). */
  record DemoIncident(int daysAgo, String reporter, String title, String description, String impact, String urgency,
      String category, String configurationItem, Boolean major, String group, int minutesToTake,
      int minutesToResolve, boolean breachesResponse, String resolution, Stage stage, Integer rating) {}

  /** The catalog's services: name, tier, hours of service, availability target. */
  record DemoService(String name, String description, String tier, String hours, String availability) {}

  static final List<DemoService> SERVICES = List.of(
      new DemoService("ERP", "Orders, invoices and stock of the whole company", "gold", "24x7", "99.9"),
      new DemoService("E-mail", "Mail for staff and partners", "silver", "24x7", "99.5"),
      new DemoService("Remote access", "VPN for staff working away from the office", "silver", "24x7", "99.5"),
      new DemoService("Intranet", "News, documents and search of the head office", "bronze", "24x7",
          "99.0"));

  /** The on-call rotas of the groups incidents go to: their members in turn, a week each, handing over at 09:00. */
  static final Map<String, List<String>> ROTAS = Map.of("ops-engineers", List.of("engineer", "demo"),
      "service-desk", List.of("desk", "demo"));
  static final String ROTA_ZONE = "Asia/Shanghai";

  static final String CONFIGURATION_ITEMS = """
      name,type,environment,owner_group,criticality,service,depends_on,description
      core-db,database,production,ops-engineers,critical,ERP,,PostgreSQL primary of the business applications
      mail-01,server,production,ops-engineers,high,E-mail,,Mail transfer agent
      vpn-gw,network-device,production,ops-engineers,high,Remote access,,Remote access gateway
      erp-app,application,production,ops-engineers,critical,ERP,core-db,ERP application server
      intranet,application,production,service-desk,medium,Intranet,core-db,Intranet portal
      print-01,server,production,service-desk,low,,,Print server of the head office
      """;

  static final List<DemoIncident> INCIDENTS = List.of(
      new DemoIncident(29, "requester", "VPN drops every hour", "Remote users lose the tunnel at the full hour",
          "medium", "high", "network", "vpn-gw", null, "ops-engineers", 12, 180, false,
          "Raised the IKE rekey lifetime on the gateway", Stage.CLOSED, 5),
      new DemoIncident(27, "requester", "Printer on floor 2 jams", "Every second page jams", "low", "low", "workplace",
          "print-01", null, "service-desk", 90, 600, false, "Replaced the pickup roller", Stage.CLOSED, 4),
      new DemoIncident(24, "desk", "ERP down for all users", "The ERP answers 503 since 08:10", "high", "high",
          "application", "erp-app", true, "ops-engineers", 10, 95, false,
          "Failed over the database; the connection pool of the ERP was exhausted", Stage.CLOSED, 2),
      new DemoIncident(21, "requester", "Mail to external partners delayed", "Mails leave an hour late", "medium",
          "medium", "server", "mail-01", null, "ops-engineers", 200, 900, true,
          "Cleared the deferred queue and fixed the relay's DNS", Stage.CLOSED, 3),
      new DemoIncident(17, "requester", "Intranet search returns nothing", "Search finds no pages since Monday", "low",
          "medium", "application", "intranet", null, "service-desk", 45, 300, false, "Rebuilt the search index",
          Stage.CLOSED, 5),
      new DemoIncident(12, "requester", "Password reset mail never arrives", "Reset links do not reach users",
          "medium", "high", "access", "mail-01", null, "ops-engineers", 20, 240, false,
          "Allowed the reset sender on the spam filter", Stage.CLOSED, 4),
      new DemoIncident(8, "desk", "Database replication lag", "The replica is 40 minutes behind", "high", "medium",
          "database", "core-db", null, "ops-engineers", 25, 360, true, "Added an index the reports needed",
          Stage.RESOLVED, null),
      new DemoIncident(4, "requester", "Laptop will not boot", "Blue screen after the update", "low", "high",
          "workplace", null, null, "service-desk", 30, 120, false, "Rolled back the driver update", Stage.RESOLVED,
          null),
      new DemoIncident(2, "requester", "Shared drive slow", "Opening files takes a minute", "medium", "medium",
          "server", null, null, "ops-engineers", 40, 0, false, null, Stage.TAKEN, null),
      new DemoIncident(1, "requester", "Cannot print invoices", "The invoice printer queue is stuck", "low", "medium",
          "workplace", "print-01", null, "service-desk", 0, 0, false, null, Stage.TRIAGED, null),
      new DemoIncident(0, "requester", "Intranet slow in the morning", "Pages take 10 seconds before 09:00", "low",
          "low", "application", "intranet", null, "service-desk", 0, 0, false, null, Stage.REPORTED, null));

  private DemoRecords() {}
}
