package org.itops.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Search relevance on a seeded corpus of 20 published articles with overlapping words: each query must find the
 * article it describes first. Runs on H2 and (the build's second run) on PostgreSQL.
 */
@SuiteTest
class KnowledgeSearchTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Key of the corpus -> number of its published article; seeded once per Spring context (it is shared). */
  private static final Map<String, String> CORPUS = new LinkedHashMap<>();

  @Autowired KnowledgeScenario scenario;
  @LocalServerPort int port;

  @BeforeEach
  void seed() {
    if (!CORPUS.isEmpty()) {
      return;
    }
    seed("vpn", "VPN tunnel drops every hour", "Remote users lose the VPN connection every 60 minutes",
        "Raise the IKE rekey lifetime on the VPN gateway", "network");
    seed("wifi", "Wi-Fi disconnects in meeting rooms", "Laptops lose the wireless connection when many people join",
        "Enable band steering on the access points", "network");
    seed("dns", "Internal names do not resolve", "Connection errors for intranet hosts, external sites work",
        "Restart the DNS forwarder and flush the resolver cache", "network");
    seed("outlook", "Outlook cannot connect to Exchange", "Outlook shows disconnected and asks for the password",
        "Remove the cached credentials from the credential manager", "application");
    seed("mailbox", "Mailbox full", "Users cannot send mail, quota warning", "Archive old mail or raise the quota",
        "application");
    seed("printer", "Printer prints blank pages", "Pages come out empty from the floor printer",
        "Replace the toner cartridge and clean the drum", "workplace");
    seed("scanner", "Scan to mail fails", "The multifunction printer cannot send scans by mail",
        "Update the SMTP relay settings on the device", "workplace");
    seed("password", "Password expired, cannot log in", "Login refused after the password expired",
        "Reset the password in the self-service portal", "access");
    seed("mfa", "MFA prompt never arrives", "No push notification on the phone when logging in",
        "Re-register the authenticator app", "access");
    seed("disk", "Disk full on application server", "Application stops with no space left on device",
        "Clean old logs and extend the volume", "server");
    seed("cpu", "High CPU on database server", "Queries are slow, CPU at 100 percent",
        "Kill the runaway query and add the missing index", "database");
    seed("deadlock", "Deadlocks in order database", "Transactions abort with deadlock detected",
        "Access tables in the same order in both jobs", "database");
    seed("backup", "Nightly backup job fails", "Backup report shows failed for the file server",
        "Free space on the backup target and rerun the job", "server");
    seed("certificate", "TLS certificate expired on web portal", "Browsers warn the certificate is not valid",
        "Renew the certificate and reload the web server", "application");
    seed("sso", "Single sign-on loops back to login", "The login page reloads endlessly after entering the password",
        "Fix the clock skew between identity provider and application", "access");
    seed("teams", "Teams calls have no audio", "Participants cannot hear each other in calls",
        "Select the right audio device and update the driver", "workplace");
    seed("phishing", "Phishing mail reported", "Users received a fake invoice mail with a link",
        "Block the sender and purge the mail from all mailboxes", "security");
    seed("malware", "Malware alert on laptop", "Antivirus reports a trojan on a laptop",
        "Isolate the laptop and reimage it", "security");
    seed("db-cjk", "数据库连接池耗尽", "应用报错：无法获取数据库连接", "增加连接池大小并修复未关闭的连接", "database");
    seed("printer-ja", "プリンターが印刷できない", "印刷ジョブが止まったまま", "スプーラーを再起動する", "workplace");
  }

  @ParameterizedTest(name = "\"{0}\" finds {1} first")
  @CsvSource({
      "vpn drops,                               vpn",
      "remote users lose connection every hour, vpn",
      "wireless meeting room,                   wifi",
      "intranet names not resolving,            dns",
      "outlook disconnected password,           outlook",
      "quota warning cannot send mail,          mailbox",
      "blank pages printer,                     printer",
      "scan mail multifunction,                 scanner",
      "password expired login,                  password",
      "push notification phone,                 mfa",
      "no space left on device,                 disk",
      "database slow queries cpu,               cpu",
      "deadlock detected,                       deadlock",
      "backup failed,                           backup",
      "certificate not valid browser warning,   certificate",
      "login page reloads endlessly,            sso",
      "cannot hear each other in calls,         teams",
      "fake invoice link,                       phishing",
      "trojan antivirus,                        malware",
      "数据库连接,                                db-cjk",
      "无法获取连接,                               db-cjk",
      "プリンター,                                printer-ja"})
  void aQueryFindsTheArticleItDescribesFirst(String query, String expected) throws Exception {
    assertThat(numbers(query, "")).first().isEqualTo(CORPUS.get(expected));
  }

  @Test
  void theCategoryFilterAndPagesNarrowTheHits() throws Exception {
    assertThat(numbers("mail", "")).contains(CORPUS.get("mailbox"), CORPUS.get("phishing"), CORPUS.get("scanner"));
    assertThat(numbers("mail", "&category=security")).contains(CORPUS.get("phishing"))
        .doesNotContain(CORPUS.get("mailbox"), CORPUS.get("scanner"));
    JsonNode firstPage = search("mail", "&size=1&page=0");
    JsonNode secondPage = search("mail", "&size=1&page=1");
    assertThat(firstPage.path("total").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(firstPage.path("items")).hasSize(1);
    assertThat(secondPage.path("items").get(0).path("number").asText())
        .isNotEqualTo(firstPage.path("items").get(0).path("number").asText());
  }

  @Test
  void wordsOfNoArticleOrOnlyStopWordsFindNothing() throws Exception {
    assertThat(numbers("zyxwvut", "")).isEmpty();
    assertThat(search("the and of", "").path("total").asLong()).isZero();
  }

  @Test
  void textIsSplitIntoWordsOfAnyScript() {
    assertThat(SearchTerms.of("VPN-Gateway: the tunnel's IKE re-key, 60 minutes"))
        .containsExactly("vpn", "gateway", "tunnel", "ike", "re", "key", "60", "minutes");
    assertThat(SearchTerms.of("数据库连接失败")).containsExactly("数据", "据库", "库连", "连接", "接失", "失败");
    assertThat(SearchTerms.of("VPN连接 ok")).containsExactly("vpn", "连接", "ok");
    assertThat(SearchTerms.of("Ünïcödé Straße")).containsExactly("ünïcödé", "straße");
  }

  private void seed(String key, String title, String symptoms, String resolution, String category) {
    CORPUS.put(key, scenario.publish("desk", "demo", title, symptoms, resolution, category, null));
  }

  private List<String> numbers(String query, String parameters) throws Exception {
    List<String> numbers = new java.util.ArrayList<>();
    search(query, parameters).path("items").forEach(item -> numbers.add(item.path("number").asText()));
    return numbers;
  }

  private JsonNode search(String query, String parameters) throws Exception {
    var response = new SuiteClient(port).get("requester", "/api/knowledge?q="
        + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20") + parameters);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
