package org.itops.cmdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.itops.ChineseSuiteTest;
import org.itops.SuiteClient;
import org.itops.platform.Csv;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Chinese names in the CMDB's CSV: a file saved by a spreadsheet (UTF-8 with a byte order mark) imports as typed, and
 * the export carries the mark so that a spreadsheet opens it as UTF-8, and imports again unchanged.
 */
@ChineseSuiteTest
class ChineseCsvTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  @Test
  void aSpreadsheetsUtf8FileImportsAsTypedAndTheExportOpensInSpreadsheets() throws Exception {
    SuiteClient client = new SuiteClient(port);
    String prefix = "核心-" + UUID.randomUUID().toString().substring(0, 6) + "-";
    String file = Csv.BOM + "name,type,environment,owner_group,criticality,service,depends_on,description\r\n"
        + prefix + "数据库,database,production,ops-engineers,high,,,\"主库，承载订单与库存\"\r\n"
        + prefix + "应用服务器,application,production,ops-engineers,high,," + prefix + "数据库,订单系统前端\r\n";

    HttpResponse<String> imported = importCsv(client, file);

    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    assertThat(JSON.readTree(imported.body()).path("created").asInt()).isEqualTo(2);
    HttpResponse<String> export = client.get("requester", "/api/cis/export");
    assertThat(export.headers().firstValue("Content-Type").orElseThrow()).containsIgnoringCase("charset=UTF-8");
    assertThat(export.body()).startsWith(Csv.BOM + "name,type,")
        .contains(prefix + "数据库,database,production,ops-engineers,high,,,主库，承载订单与库存\r\n")
        .contains(prefix + "应用服务器,application,production,ops-engineers,high,," + prefix + "数据库@production,"
            + "订单系统前端\r\n");
    HttpResponse<String> again = importCsv(client, export.body());
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(JSON.readTree(again.body()).path("created").asInt()).isZero();
  }

  private static HttpResponse<String> importCsv(SuiteClient client, String csv) {
    return client.send(client.request("engineer", "/api/cis/import").header("Content-Type", "text/csv")
        .POST(BodyPublishers.ofString(csv)));
  }
}
