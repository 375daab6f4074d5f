package org.itops.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.itops.ReadAttempts;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Attachments over real HTTP (issue 17): upload, list and download as the demo users; the content type told from the
 * bytes; the limits of a file and a record (413, nothing stored); the read rules of the records (404 for others).
 */
@SuiteTest
class AttachmentApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MIB = 1024 * 1024;
  private static final byte[] PNG = withHead(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 300);

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  SuiteClient client;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
  }

  @Test
  void aRequesterAttachesAScreenshotWithAChineseNameAndDownloadsTheSameBytes() throws Exception {
    String number = incidentOf("requester");
    String name = "屏幕截图 2026-11-30 (错误).png";

    HttpResponse<String> uploaded = client.upload("requester", "/api/incidents/" + number + "/attachments", name, PNG);

    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    JsonNode attachment = JSON.readTree(uploaded.body());
    String download = "/api/incidents/" + number + "/attachments/" + attachment.path("id").asText();
    assertThat(uploaded.headers().firstValue("Location")).hasValue(download);
    assertThat(attachment.path("fileName").asText()).isEqualTo(name);
    assertThat(attachment.path("contentType").asText()).isEqualTo("image/png");
    assertThat(attachment.path("size").asLong()).isEqualTo(PNG.length);
    assertThat(attachment.path("uploadedBy").asText()).isEqualTo("requester");
    assertThat(attachment.path("download").asText()).isEqualTo(download);
    JsonNode listed = JSON.readTree(client.get("requester", "/api/incidents/" + number + "/attachments").body());
    assertThat(listed.path("items").findValuesAsText("fileName")).containsExactly(name);

    HttpResponse<byte[]> file = downloadAs("requester", download);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(sha256(file.body())).isEqualTo(sha256(PNG));
    assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(file.headers().firstValue("Content-Disposition")).hasValue("attachment;"
        + " filename=\"____ 2026-11-30 (__).png\"; filename*=UTF-8''%E5%B1%8F%E5%B9%95%E6%88%AA%E5%9B%BE"
        + "%202026-11-30%20%28%E9%94%99%E8%AF%AF%29.png");
  }

  @Test
  void theStaffSeeTheAttachmentsInTheIncidentAndInItsTasklistForms() throws Exception {
    String number = incidentOf("requester");
    String id = JSON.readTree(client.upload("requester", "/api/incidents/" + number + "/attachments", "log [1].txt",
        "line one\n".getBytes(StandardCharsets.UTF_8)).body()).path("id").asText();

    JsonNode incident = JSON.readTree(client.get("desk", "/api/incidents/" + number).body());

    String download = "/api/incidents/" + number + "/attachments/" + id;
    assertThat(incident.path("attachments").findValuesAsText("download")).containsExactly(download);
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey("incident-lifecycle").singleResult().getId();
    assertThat(runtimeService.getVariable(instance, Attachments.LINKS_VARIABLE))
        .isEqualTo("- [log \\[1\\]\\.txt](" + download + ")");
  }

  @Test
  void aRenamedWebPageIsStoredAsPlainTextAndServedAsADownload() throws Exception {
    String number = incidentOf("requester");
    byte[] page = "<html><body><script>alert(document.cookie)</script></body></html>"
        .getBytes(StandardCharsets.UTF_8);

    JsonNode stored = JSON.readTree(client.upload("requester", "/api/incidents/" + number + "/attachments", "cat.png",
        page).body());
    HttpResponse<byte[]> file = downloadAs("desk", stored.path("download").asText());

    assertThat(stored.path("contentType").asText()).isEqualTo("text/plain");
    assertThat(file.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
    assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
    assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(file.body()).isEqualTo(page);
  }

  @Test
  void theTypeIsToldByTheBytesWhateverTheName() throws Exception {
    String number = incidentOf("requester");
    String path = "/api/incidents/" + number + "/attachments";

    assertThat(typeOf(client.upload("requester", path, "notes.txt", withHead("%PDF-1.7\n".getBytes(), 100))))
        .isEqualTo("application/pdf");
    assertThat(typeOf(client.upload("requester", path, "report.pdf", PNG))).isEqualTo("image/png");
    assertThat(typeOf(client.upload("requester", path, "photo.jpg", withHead(new byte[] {(byte) 0xff, (byte) 0xd8,
        (byte) 0xff}, 100)))).isEqualTo("image/jpeg");
    assertThat(typeOf(client.upload("requester", path, "sheet.xlsx", withHead(new byte[] {'P', 'K', 3, 4}, 100))))
        .isEqualTo("application/zip");
    assertThat(typeOf(client.upload("requester", path, "readme.exe", "说明：重启即可\r\n"
        .getBytes(StandardCharsets.UTF_8)))).isEqualTo("text/plain");
    assertThat(typeOf(client.upload("requester", path, "broken.txt", new byte[] {'a', (byte) 0xc3, 'b'})))
        .isEqualTo("application/octet-stream");
  }

  @Test
  void aFileOverTheLimitIsRefusedWith413AndNothingIsStored() throws Exception {
    String number = incidentOf("requester");
    String path = "/api/incidents/" + number + "/attachments";

    HttpResponse<String> refused = client.upload("requester", path, "dump.bin", new byte[10 * MIB + 1]);
    HttpResponse<String> inChinese = client.send(client.fileUpload("requester", path, "dump.bin", new byte[10 * MIB + 1])
        .header("Accept-Language", "zh-CN"));
    HttpResponse<String> atTheLimit = client.upload("requester", path, "dump.bin", new byte[10 * MIB]);

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(refused.body()).path("message").asText())
        .isEqualTo("The file is larger than 10485760 bytes; nothing was stored.");
    assertThat(JSON.readTree(inChinese.body()).path("message").asText()).startsWith("文件超过 10485760 字节");
    assertThat(atTheLimit.statusCode()).as(atTheLimit.body()).isEqualTo(201);
    assertThat(attachmentsOf(number)).isOne();
  }

  @Test
  void aRecordTakesAtMostTwentyFilesAndFiftyMebibytes() throws Exception {
    String crowded = incidentOf("requester");
    for (int i = 1; i <= 20; i++) {
      assertThat(client.upload("requester", "/api/incidents/" + crowded + "/attachments", i + ".txt", ("file " + i)
          .getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);
    }
    String full = incidentOf("requester");
    for (int i = 1; i <= 5; i++) {
      assertThat(client.upload("requester", "/api/incidents/" + full + "/attachments", i + ".bin", new byte[10 * MIB])
          .statusCode()).isEqualTo(201);
    }

    HttpResponse<String> twentyFirst = client.upload("requester", "/api/incidents/" + crowded + "/attachments", "21.txt",
        "one more".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> overFifty = client.upload("requester", "/api/incidents/" + full + "/attachments", "6.txt",
        "a byte too many".getBytes(StandardCharsets.UTF_8));

    assertThat(twentyFirst.statusCode()).isEqualTo(413);
    assertThat(twentyFirst.body()).contains("has 20 attachments");
    assertThat(overFifty.statusCode()).isEqualTo(413);
    assertThat(overFifty.body()).contains("larger than 52428800 bytes together");
    assertThat(attachmentsOf(crowded)).isEqualTo(20);
    assertThat(attachmentsOf(full)).isEqualTo(5);
  }

  @Test
  void anotherRequesterFindsNeitherTheListNorTheFileAndCannotAttach() throws Exception {
    String neighbour = ReadAttempts.newUser(identityService, "neighbour", "requesters");
    try {
      String number = incidentOf("requester");
      String path = "/api/incidents/" + number + "/attachments";
      String download = JSON.readTree(client.upload("requester", path, "payslip.pdf", withHead("%PDF-".getBytes(), 50))
          .body()).path("download").asText();

      assertThat(client.get(neighbour, path).statusCode()).isEqualTo(404);
      assertThat(downloadAs(neighbour, download).statusCode()).isEqualTo(404);
      assertThat(client.upload(neighbour, path, "spam.txt", "hello".getBytes()).statusCode()).isEqualTo(404);
      assertThat(client.get("requester", path.replace("/incidents/", "/demands/")).statusCode()).isEqualTo(404);
      assertThat(attachmentsOf(number)).isOne();
    } finally {
      identityService.deleteUser(neighbour);
    }
  }

  @Test
  void aSecurityIncidentsEvidenceIsForTheSecurityTeamAndItsReporterSeesOnlyTheirOwnFiles() throws Exception {
    HttpResponse<String> reported = client.postJson("desk", "/api/security-incidents", """
        {"summary": "Phishing mail with a fake login page %s", "description": "Many got it", "severity": "low"}"""
        .formatted(UUID.randomUUID()));
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    String path = "/api/security-incidents/" + JSON.readTree(reported.body()).path("number").asText()
        + "/attachments";

    HttpResponse<String> byTheTeam = client.upload("secops", path, "headers.txt", "Received: from evil".getBytes());
    HttpResponse<String> byTheReporter = client.upload("desk", path, "more.txt", "and another".getBytes());

    assertThat(byTheTeam.statusCode()).as(byTheTeam.body()).isEqualTo(201);
    assertThat(byTheReporter.statusCode()).as(byTheReporter.body()).isEqualTo(201);
    assertThat(JSON.readTree(client.get("desk", path).body()).path("items").findValuesAsText("fileName"))
        .containsExactly("more.txt");
    assertThat(downloadAs("desk", JSON.readTree(byTheTeam.body()).path("download").asText()).statusCode())
        .isEqualTo(404);
    assertThat(JSON.readTree(client.get("secops", path).body()).path("items").findValuesAsText("fileName"))
        .containsExactlyInAnyOrder("headers.txt", "more.txt");
    assertThat(client.get("engineer", path).statusCode()).isEqualTo(404);
  }

  @Test
  void aRetriedUploadWithTheSameKeyStoresTheFileOnce() throws Exception {
    String number = incidentOf("requester");
    String path = "/api/incidents/" + number + "/attachments";
    String key = UUID.randomUUID().toString();

    HttpResponse<String> first = client.send(client.fileUpload("requester", path, "a.png", PNG).header("Idempotency-Key", key));
    HttpResponse<String> retried = client.send(client.fileUpload("requester", path, "a.png", PNG)
        .header("Idempotency-Key", key));
    HttpResponse<String> otherFile = client.send(client.fileUpload("requester", path, "b.png", PNG)
        .header("Idempotency-Key", key));

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(retried.statusCode()).isEqualTo(201);
    assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(JSON.readTree(retried.body()).path("id").asText()).isEqualTo(JSON.readTree(first.body()).path("id")
        .asText());
    assertThat(otherFile.statusCode()).isEqualTo(409);
    assertThat(attachmentsOf(number)).isOne();
  }

  private String incidentOf(String user) throws Exception {
    HttpResponse<String> created = client.postJson(user, "/api/incidents", """
        {"title": "Screen flickers %s", "impact": "low", "urgency": "low", "category": "workplace"}"""
        .formatted(UUID.randomUUID()));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).path("number").asText();
  }

  private HttpResponse<byte[]> downloadAs(String user, String path) throws Exception {
    return java.net.http.HttpClient.newHttpClient().send(client.request(user, path).GET().build(),
        BodyHandlers.ofByteArray());
  }

  private long attachmentsOf(String number) {
    return jdbc.queryForObject("select count(*) from attachment where record_number = ?", Long.class, number);
  }

  private static String typeOf(HttpResponse<String> uploaded) throws Exception {
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    return JSON.readTree(uploaded.body()).path("contentType").asText();
  }

  /** The magic number followed by binary bytes, as a file of that type starts. */
  private static byte[] withHead(byte[] head, int length) {
    byte[] file = Arrays.copyOf(head, length);
    for (int i = head.length; i < length; i++) {
      file[i] = (byte) (i * 31);
    }
    return file;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
