package org.itops.platform.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.itops.Daemons;
import org.itops.ProcessSteps;
import org.itops.SuiteClient;
import org.itops.TestDatabase;
import org.itops.TestMail;
import org.itops.platform.AccessProperties;
import org.itops.platform.SuiteProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The suite with profile {@code ldap} against a real LDAP server that the test starts on loopback (UnboundID's
 * in-memory directory, laid out like Active Directory: sAMAccountName, groups of class group, a nested group), reached
 * with StartTLS and a certificate verified against the test's own certificate authority (a certificate of another
 * authority is refused, which only a TLS connection can do).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "ldap"})
@ContextConfiguration(initializers = TestDatabase.class)
class CompanyDirectoryTest {

  private static final String BASE = "dc=example,dc=org";
  private static final String GROUPS = "ou=groups," + BASE;
  private static final Path CERTIFICATES;
  private static final InMemoryDirectoryServer DIRECTORY;

  static {
    try {
      CERTIFICATES = Files.createTempDirectory("itops-ldap");
      certificate("ldap");
      certificate("stranger");
      DIRECTORY = directory(Daemons.freePort());
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start the test's directory", e);
    }
  }

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired ProcessSteps steps;
  @Autowired JdbcTemplate jdbc;
  SuiteClient client;

  @DynamicPropertySource
  static void directorySettings(DynamicPropertyRegistry registry) {
    registry.add("itops.directory.url", () -> "ldap://127.0.0.1:" + DIRECTORY.getListenPort());
    registry.add("itops.directory.start-tls", () -> "true");
    registry.add("itops.directory.ca-file", () -> CERTIFICATES.resolve("ldap.pem").toString());
    registry.add("itops.directory.bind-dn", () -> "cn=svc-itops," + BASE);
    registry.add("itops.directory.bind-password", () -> "svc-secret");
    registry.add("itops.directory.user-base", () -> "ou=people," + BASE);
    registry.add("itops.directory.user-filter", () -> "(objectClass=user)");
    registry.add("itops.directory.user-id-attribute", () -> "sAMAccountName");
    registry.add("itops.directory.group-base", () -> GROUPS);
    registry.add("itops.directory.group-filter", () -> "(objectClass=group)");
    registry.add("itops.directory.group-mapping", () -> "service-desk=cn=IT Service Desk," + GROUPS
        + "; ops-engineers=cn=IT Operations," + GROUPS + "; requesters=cn=Staff," + GROUPS
        + "; camunda-admin=cn=ITOps Admins," + GROUPS);
    registry.add("itops.directory.timeout", () -> "PT2S");
  }

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
  }

  @AfterEach
  void directoryBackUp() throws Exception {
    if (DIRECTORY.getListenPort() < 0) {
      DIRECTORY.startListening();
    }
  }

  @Test
  void aDirectoryUserLogsInWithTheirPasswordAndIsInTheGroupsOfTheirDirectoryGroupsAlsoNested() {
    assertThat(status(get("ada", "ada-secret", "/api/incidents?page=0&size=5"))).isEqualTo(200);
    assertThat(status(get("ada", "wrong", "/api/incidents?page=0&size=5"))).isEqualTo(401);
    assertThat(client.webappLogin("ada", "ada-secret", "tasklist")).isEqualTo(200);

    assertThat(identityService.createGroupQuery().groupMember("ada").list()).extracting(Group::getId)
        .as("Service Desk Tier 1 is within IT Service Desk").containsExactlyInAnyOrder("service-desk", "requesters");
    User ada = identityService.createUserQuery().userId("ada").singleResult();
    assertThat(ada.getFirstName() + " " + ada.getLastName() + " " + ada.getEmail())
        .isEqualTo("Ada Lovelace ada@example.org");
    assertThat(identityService.createUserQuery().memberOfGroup("service-desk").list()).extracting(User::getId)
        .containsExactly("ada");
  }

  @Test
  void aUserInNoSuiteGroupLogsInButSeesNothing() {
    assertThat(identityService.createGroupQuery().groupMember("linus").list()).isEmpty();

    assertThat(get("linus", "linus-secret", "/engine-rest/task?maxResults=50").body()).isEqualTo("[]");
    assertThat(get("linus", "linus-secret", "/engine-rest/process-definition?maxResults=50").body()).isEqualTo("[]");
    assertThat(status(get("linus", "linus-secret", "/api/incidents?page=0&size=5"))).isEqualTo(200);
    assertThat(get("linus", "linus-secret", "/api/incidents?page=0&size=5").body()).doesNotContain("INC-");
    assertThat(status(get("linus", "linus-secret", "/actuator/prometheus"))).isEqualTo(403);
    assertThat(client.webappLogin("linus", "linus-secret", "tasklist")).as("no application grant").isNotEqualTo(200);
  }

  @Test
  void theAdministratorsAreTheMappedAdminGroupAndTheDirectoryIsReadOnly() {
    assertThat(identityService.isReadOnly()).isTrue();
    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").list()).extracting(User::getId)
        .containsExactly("root");
    HttpResponse<String> users = get("root", "root-secret", "/engine-rest/user?maxResults=50");
    assertThat(users.body()).contains("\"ada\"", "\"grace\"", "\"linus\"", "\"monitoring\"");
    assertThat(status(get("root", "root-secret", "/engine-rest/user/count"))).isEqualTo(200);
    assertThat(identityService.createUserQuery().userFirstNameLike("Gr%").list()).extracting(User::getId)
        .containsExactly("grace");
  }

  @Test
  void startTlsWithTheDirectorysAuthorityWorksAndAnotherAuthorityIsRefused() {
    assertThat(status(get("grace", "grace-secret", "/api/incidents?page=0&size=5"))).isEqualTo(200);

    try (Directory trustingAStranger = new Directory(settings(CERTIFICATES.resolve("stranger.pem").toString()))) {
      assertThatThrownBy(() -> trustingAStranger.authenticate("grace", "grace-secret"))
          .isInstanceOf(DirectoryUnavailableException.class);
    }
  }

  @Test
  void productionModeRefusesADirectoryWithoutTls() {
    DirectoryProperties plain = settings(null);
    SuiteProperties production = new SuiteProperties("https://itops.example.org", false, true,
        new SuiteProperties.Admin("admin", null), Map.of(), Map.of(), Locale.ENGLISH, null);
    AccessProperties access = new AccessProperties(Map.of("service-desk", "Service desk", "camunda-admin", "Admins"),
        List.of(), Map.of());

    assertThatThrownBy(() -> new CompanyDirectory().directory(new DirectoryProperties(plain.url(), false, null,
        plain.bindDn(), plain.bindPassword(), plain.userBase(), plain.userFilter(), plain.userIdAttribute(), "givenName",
        "sn", "mail", GROUPS, plain.groupFilter(), "member", plain.groupMapping(), Duration.ofSeconds(2), 100),
        access, production)).hasMessageContaining("without TLS");
  }

  @Test
  void whileTheDirectoryIsDownPasswordLoginsFailClearlyAndMonitoringTimersAndMailGoOn() throws Exception {
    // what the mails of a notify alert and of a missed response need is known from before the outage
    for (String group : List.of("ops-engineers", "service-desk", "it-managers")) {
      identityService.createUserQuery().memberOfGroup(group).list();
    }
    // a running incident, reported before the outage (by ada: grace must not be among the passwords verified in
    // the last 30 seconds), whose response target passes during it
    HttpResponse<String> reported = client.send(client.request(null, "/api/incidents")
        .header("Authorization", SuiteClient.basic("ada", "ada-secret")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("""
            {"title": "Payroll export fails", "description": "Since the update", "impact": "medium",
             "urgency": "high", "category": "application"}""")));
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    String incident = new ObjectMapper().readTree(reported.body()).path("number").asText();
    steps.runAsyncJobs(incident);
    DIRECTORY.shutDown(true);

    HttpResponse<String> refused = get("grace", "grace-secret", "/api/incidents?page=0&size=5");
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(new ObjectMapper().readTree(refused.body()).path("message").asText())
        .isEqualTo(DirectoryUnavailableException.MESSAGE);

    HttpResponse<String> alert = client.send(client.request(null, "/api/alerts/alertmanager")
        .header("Authorization", "Bearer dev-monitoring-token").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(alertmanagerWarning())));
    assertThat(alert.statusCode()).as(alert.body()).isEqualTo(200);
    String number = new ObjectMapper().readTree(alert.body()).path("alerts").get(0).path("alert").asText();
    steps.runAsyncJobs(number);
    assertThat(Arrays.stream(smtp.getReceivedMessages()).flatMap(CompanyDirectoryTest::recipients))
        .as("the notify mail went to the group known before the outage").contains("grace@example.org");
    steps.fire(incident, "responseTargetMissed");
    steps.runAsyncJobs(incident);
    assertThat(jdbc.queryForObject("select count(*) from record_event where record_number = ? and type = ?",
        Long.class, incident, "RESPONSE_BREACH")).as("the incident's SLA timer went on").isOne();

    DIRECTORY.startListening();
    assertThat(status(get("grace", "grace-secret", "/api/incidents?page=0&size=5"))).isEqualTo(200);
  }

  private HttpResponse<String> get(String user, String password, String path) {
    return client.send(client.request(null, path).header("Authorization", SuiteClient.basic(user, password)).GET());
  }

  private static int status(HttpResponse<String> response) {
    return response.statusCode();
  }

  private static java.util.stream.Stream<String> recipients(Message message) {
    try {
      return Arrays.stream(message.getAllRecipients()).map(address -> ((InternetAddress) address).getAddress());
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String alertmanagerWarning() {
    return """
        {"version": "4", "status": "firing", "alerts": [{"status": "firing",
          "labels": {"alertname": "DiskFilling", "severity": "warning", "env": "production", "instance": "db-7"},
          "annotations": {"summary": "Disk fills up"}, "startsAt": "2026-01-01T00:00:00Z",
          "fingerprint": "%s"}]}""".formatted(UUID.randomUUID());
  }

  /** The suite's settings for the test's directory, trusting the given authority (null: no TLS). */
  private static DirectoryProperties settings(String caFile) {
    return new DirectoryProperties("ldap://127.0.0.1:" + DIRECTORY.getListenPort(), caFile != null, caFile,
        "cn=svc-itops," + BASE, "svc-secret", "ou=people," + BASE, "(objectClass=user)", "sAMAccountName", "givenName",
        "sn", "mail", GROUPS, "(objectClass=group)", "member", "camunda-admin=cn=ITOps Admins," + GROUPS,
        Duration.ofSeconds(2), 100);
  }

  /**
   * The directory: people, groups of class group with member DNs (Active Directory's layout, without its schema),
   * the suite's service account, and StartTLS with the certificate "ldap".
   */
  private static InMemoryDirectoryServer directory(int ldapPort) throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.setSchema(null);
    config.addAdditionalBindCredentials("cn=svc-itops," + BASE, "svc-secret");
    SSLUtil serverTls = new SSLUtil(new KeyStoreKeyManager(CERTIFICATES.resolve("ldap.p12").toFile(),
        "changeit".toCharArray(), "PKCS12", "ldap"), new TrustAllTrustManager());
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(),
        ldapPort, serverTls.createSSLSocketFactory()));
    InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
    server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
    server.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
    server.add("dn: " + GROUPS, "objectClass: organizationalUnit", "ou: groups");
    person(server, "ada", "Ada", "Lovelace");
    person(server, "grace", "Grace", "Hopper");
    person(server, "linus", "Linus", "Torvalds");
    person(server, "root", "Rosa", "Root");
    group(server, "IT Service Desk", "cn=Service Desk Tier 1," + GROUPS);
    group(server, "Service Desk Tier 1", "cn=Ada Lovelace,ou=people," + BASE);
    group(server, "IT Operations", "cn=Grace Hopper,ou=people," + BASE);
    group(server, "Staff", "cn=Ada Lovelace,ou=people," + BASE, "cn=Grace Hopper,ou=people," + BASE);
    group(server, "ITOps Admins", "cn=Rosa Root,ou=people," + BASE);
    group(server, "Finance", "cn=Linus Torvalds,ou=people," + BASE);
    server.startListening();
    return server;
  }

  private static void person(InMemoryDirectoryServer server, String id, String first, String last) throws Exception {
    server.add("dn: cn=" + first + " " + last + ",ou=people," + BASE, "objectClass: top", "objectClass: person",
        "objectClass: organizationalPerson", "objectClass: user", "cn: " + first + " " + last,
        "sAMAccountName: " + id, "givenName: " + first, "sn: " + last, "mail: " + id + "@example.org",
        "userPassword: " + id + "-secret");
  }

  private static void group(InMemoryDirectoryServer server, String name, String... members) throws Exception {
    String[] lines = new String[members.length + 3];
    lines[0] = "dn: cn=" + name + "," + GROUPS;
    lines[1] = "objectClass: group";
    lines[2] = "cn: " + name;
    for (int i = 0; i < members.length; i++) {
      lines[i + 3] = "member: " + members[i];
    }
    server.add(lines);
  }

  /** A key pair and a self-signed certificate for 127.0.0.1 with the JDK's keytool: ALIAS.p12 and ALIAS.pem. */
  private static void certificate(String alias) throws IOException, InterruptedException {
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Path store = CERTIFICATES.resolve(alias + ".p12");
    run(keytool, "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
        "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", store.toString(), "-storetype",
        "PKCS12", "-storepass", "changeit");
    run(keytool, "-exportcert", "-rfc", "-alias", alias, "-keystore", store.toString(), "-storepass", "changeit",
        "-file", CERTIFICATES.resolve(alias + ".pem").toString());
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + ": " + output);
    }
  }
}
