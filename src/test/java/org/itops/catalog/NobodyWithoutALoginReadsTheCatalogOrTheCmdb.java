package org.itops.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.List;
import java.util.UUID;
import org.itops.ReadAttempts;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read rule of the service catalog and the CMDB (docs/security.md, "Who may do what"): everybody logged in reads
 * them, since incidents, demands and changes name their services and items; without a login, nothing.
 */
@SuiteTest
class NobodyWithoutALoginReadsTheCatalogOrTheCmdb {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired CatalogScenario catalog;
  @Autowired JdbcTemplate jdbc;

  @Test
  void notTheServicesTheItemsOrTheirTrails() {
    SuiteClient client = new SuiteClient(port);
    ReadAttempts attempts = new ReadAttempts(client, jdbc);
    String name = "Payroll " + UUID.randomUUID();
    String number = catalog.publish(name, "gold");
    List<String> paths = List.of("/api/services", "/api/services/" + number, "/api/records/" + number + "/audit",
        "/api/cis", "/api/cis/export");

    for (String path : paths) {
      var refused = client.get(null, path);
      assertThat(refused.statusCode()).as(path).isEqualTo(401);
      assertThat(refused.body()).as(path).doesNotContain(name);
    }
    for (String path : paths) {
      assertThat(attempts.status("requester", path)).as(path).isEqualTo(200);
    }
    assertThat(attempts.read("requester", "/api/services/" + number).path("name").asText()).isEqualTo(name);
  }
}
