package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.itops.Daemons;
import org.itops.ItopsApplication;
import org.itops.incident.IncidentReport;
import org.itops.incident.IncidentService;
import org.itops.kpi.KpiService;
import org.itops.kpi.Kpis;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * The prod profile: no demo users, an administrator from the environment, and no default passwords or published keys;
 * and no demo users on the postgres profile without prod either.
 *
 * <p>An integration test (failsafe, its own JVM): it starts and stops whole suites, and a stopped Camunda
 * engine leaves JVM-wide registrations that would disturb the shared context of the other tests.
 */
class ProductionModeIT {

  private static final String STRONG_PASSWORD = "Blue-Harbour-42!";

  @Test
  void refusesToStartWithoutAnAdministratorPassword() {
    assertThat(startupFailure(freshDatabase(), null)).hasMessageContaining("ITOPS_ADMIN_PASSWORD");
  }

  @Test
  void refusesDefaultPasswords() {
    for (String password : List.of("admin", "Demo", "changeme")) {
      assertThat(startupFailure(freshDatabase(), password)).as(password).hasMessageContaining("default password");
    }
  }

  @Test
  void refusesAPasswordThatFailsThePasswordPolicy() {
    assertThat(startupFailure(freshDatabase(), "longbutsimple")).hasMessageContaining("password policy")
        .hasMessageContaining("at least 1 upper-case letter(s)").hasMessageContaining("at least 1 digit(s)");
  }

  @Test
  void refusesTheEmbeddedDefaultsApiToken() {
    List<String> properties = new ArrayList<>(List.of("--itops.api-tokens.monitoring=dev-monitoring-token"));
    assertThat(startupFailure(freshDatabase(), STRONG_PASSWORD, properties)).hasMessageContaining("API token");
  }

  @Test
  void refusesThePublishedSurveyKeyOfTheEmbeddedDefault() {
    List<String> properties = List.of("--itops.surveys.secret=dev-survey-secret-not-for-production");
    assertThat(startupFailure(freshDatabase(), STRONG_PASSWORD, properties)).hasMessageContaining("itops.surveys.secret")
        .hasMessageContaining("ITOPS_SURVEY_SECRET");
  }

  @Test
  void refusesThePublishedPagingKeyOfTheEmbeddedDefault() {
    List<String> properties = List.of("--itops.paging.link-secret=dev-paging-secret-not-for-production");
    assertThat(startupFailure(freshDatabase(), STRONG_PASSWORD, properties))
        .hasMessageContaining("itops.paging.link-secret").hasMessageContaining("ITOPS_PAGING_SECRET");
  }

  @Test
  void refusesThePostgresProfileWithoutProdSinceItWouldCreateTheDemoUsers() {
    String database = freshDatabase();
    // the postgres profile's settings, pointed at an in-memory database: the refusal comes before any demo user
    Throwable failure = catchThrowable(() -> start(database, List.of("spring.profiles.active=postgres",
        "spring.datasource.username=sa", "spring.datasource.password=", "camunda.bpm.database.type=h2",
        "spring.datasource.hikari.connection-init-sql=select 1")).close());

    assertThat(NestedExceptionUtils.getMostSpecificCause(failure)).hasMessageContaining("postgres profile")
        .hasMessageContaining("itops.demo-users");
  }

  @Test
  void refusesADatabaseWhereTheDemoUsersExist() {
    String database = freshDatabase();
    try (ConfigurableApplicationContext embeddedDefault = start(database, List.of())) {
      assertThat(embeddedDefault.getBean(IdentityService.class).createUserQuery().userId("demo").count()).isOne();
    }

    assertThat(startupFailure(database, STRONG_PASSWORD)).hasMessageContaining("demo users")
        .hasMessageContaining("requester");
  }

  @Test
  void refusesTheDemoData() {
    assertThat(startupFailure(freshDatabase(), STRONG_PASSWORD, List.of("--itops.demo-data=true")))
        .hasMessageContaining("itops.demo-data=true");
  }

  @Test
  void theEmbeddedDefaultLoadsAMonthOfDemoDataOnceAndARestartAddsNothing() {
    String database = freshDatabase();
    List<String> embeddedDefault = withDemoData();
    Map<String, Long> records;
    List<String> withTheJobExecutor = new ArrayList<>(embeddedDefault);
    withTheJobExecutor.add("camunda.bpm.job-execution.enabled=true");
    try (ConfigurableApplicationContext firstStart = start(database, withTheJobExecutor)) {
      ManagementService management = firstStart.getBean(ManagementService.class);
      assertThat(management.getProperties()).as("the suite is ready before the month is in")
          .doesNotContainKey("itops.demo-data.loaded");
      // a person's work while the month loads is dated today, in the midst of the month's steps in the past
      Instant reported = Instant.now();
      String today = reportAsRequester(firstStart);
      awaitTheMonth(management);
      // the job executor, held while the month loaded, runs again: the timers that fell due in the month fire
      JdbcTemplate jdbc = firstStart.getBean(JdbcTemplate.class);
      await("every job due has run and every mail has gone out").atMost(Duration.ofMinutes(3))
          .until(() -> management.createJobQuery().executable().count() == 0
              && jdbc.queryForObject("select count(*) from mail_outbox", Long.class) == 0);
      assertThat(firstStart.getBean(JobExecutor.class).isActive()).isTrue();

      assertThat(jdbc.queryForObject("select reported_at from incident where number = ?", Timestamp.class, today)
          .toInstant()).isBetween(reported.minusSeconds(1), Instant.now());
      records = countRecords(jdbc);
      assertThat(records).containsEntry("catalog_service", 4L).containsEntry("configuration_item", 6L)
          .as("the month's 11 and the one of today").containsEntry("incident", 12L)
          .containsEntry("change_request", 4L).containsEntry("demand", 2L).containsEntry("drill", 1L);
      assertThat(jdbc.queryForObject("select min(reported_at) from incident", Timestamp.class).toInstant())
          .as("a month back").isBefore(Instant.now().minus(Duration.ofDays(28)));
      assertThat(jdbc.queryForList("select distinct priority from incident", String.class))
          .containsExactlyInAnyOrder("P1", "P2", "P3", "P4");
      assertThat(jdbc.queryForObject("select count(*) from incident where major", Long.class)).isOne();
      assertThat(jdbc.queryForObject("select count(*) from incident where status = 'CLOSED'", Long.class))
          .isBetween(1L, records.get("incident") - 3);
      assertThat(jdbc.queryForList("select status from demand order by number", String.class))
          .containsExactly("DELIVERED", "IMPLEMENTATION");
      assertThat(records).as("the groups incidents go to have a rota").containsEntry("oncall_rota", 2L);
      assertThat(jdbc.queryForList("select user_id from oncall_page_step where step = 1", String.class))
          .as("the P1 paged the person on duty").singleElement().isIn("engineer", "demo");
      assertThat(jdbc.queryForList("select acknowledged_by from oncall_page", String.class))
          .as("who acknowledged it").singleElement().isIn("engineer", "demo");
      assertThat(firstStart.getBean(TaskService.class).createTaskQuery().taskDefinitionKey("voteOnChange")
          .taskAssignee("cab2").count()).as("a change waits for the CAB in Tasklist").isOne();

      // the KPI report of the last 31 days has figures in every area the demo month covers
      Kpis kpis = firstStart.getBean(KpiService.class).of(Instant.now().minus(Duration.ofDays(31)),
          Instant.now().plus(Duration.ofDays(1)), null);
      assertThat(kpis.incidents().resolved()).isPositive();
      assertThat(kpis.changes().closed()).isEqualTo(3);
      assertThat(kpis.changes().successRatePercent()).isBetween(60.0, 70.0);
      assertThat(kpis.demands().delivered()).isOne();
      assertThat(kpis.demands().leadTimeDays()).as("submitted six weeks ago").isGreaterThan(40.0);
      assertThat(kpis.drills().evaluated()).isOne();
      assertThat(kpis.drills().passRatePercent()).isEqualTo(100.0);
      assertThat(kpis.satisfaction().answers()).isEqualTo(6);
      assertThat(kpis.satisfaction().csat()).isBetween(3.0, 4.5);
    }

    try (ConfigurableApplicationContext restart = start(database, embeddedDefault)) {
      assertThat(countRecords(restart.getBean(JdbcTemplate.class))).as("a restart adds nothing").isEqualTo(records);
    }
  }

  @Test
  void theDemoDataGoesOnlyIntoADatabaseWithoutProcessInstances() {
    String database = freshDatabase();
    try (ConfigurableApplicationContext used = start(database, List.of())) {
      reportAsRequester(used);
    }

    // as after a first start stopped while it loaded the demo data: loading again would add the month twice
    try (ConfigurableApplicationContext switchedOn = start(database, withDemoData())) {
      assertThat(switchedOn.getBean(JdbcTemplate.class).queryForObject("select count(*) from incident", Long.class))
          .isOne();
      assertThat(switchedOn.getBean(ManagementService.class).getProperties().get("itops.demo-data.loaded"))
          .startsWith("not loaded");
    }
  }

  /** An incident reported by {@code requester}; answers its number. */
  private static String reportAsRequester(ConfigurableApplicationContext suite) {
    IdentityService identity = suite.getBean(IdentityService.class);
    identity.setAuthentication("requester", List.of("requesters"));
    try {
      return suite.getBean(IncidentService.class).report(new IncidentReport("Printer jams", "Every second page",
          "low", "low", "workplace", null, null, null, null), "web");
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Waits until the demo month, which loads while the suite runs, is in. */
  private static void awaitTheMonth(ManagementService management) {
    await("the demo month is in").atMost(Duration.ofMinutes(3))
        .until(() -> management.getProperties().containsKey("itops.demo-data.loaded"));
  }

  /** The embedded default's demo data, which mails through the dev mail server on a port of its own. */
  private static List<String> withDemoData() {
    int smtpPort = Daemons.freePort();
    return List.of("itops.demo-data=true", "itops.mail.dev-server.enabled=true",
        "itops.mail.dev-server.smtp-port=" + smtpPort, "spring.mail.port=" + smtpPort);
  }

  /** How many rows each table of the demo data has. */
  private static Map<String, Long> countRecords(JdbcTemplate jdbc) {
    Map<String, Long> counts = new TreeMap<>();
    for (String table : List.of("catalog_service", "configuration_item", "incident", "survey", "change_request",
        "demand", "drill", "emergency_plan", "oncall_rota", "oncall_page", "record_event", "notification_log")) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    return counts;
  }

  @Test
  void startsWithAStrongPasswordAndCreatesOnlyTheAdministrator() {
    try (ConfigurableApplicationContext prod = startProd(freshDatabase(), STRONG_PASSWORD)) {
      IdentityService identity = prod.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().list()).extracting(user -> user.getId())
          .containsExactlyInAnyOrder("admin", "monitoring");
      assertThat(identity.createGroupQuery().groupMember("monitoring").list()).extracting(group -> group.getId())
          .containsExactly("monitoring");
      assertThat(identity.checkPassword("admin", STRONG_PASSWORD)).isTrue();
      assertThat(identity.createGroupQuery().groupMember("admin").list()).extracting(group -> group.getId())
          .containsExactly("camunda-admin");
      assertThat(identity.createGroupQuery().list()).extracting(group -> group.getId()).contains("service-desk", "cab");
      assertThat(prod.getEnvironment().getProperty("camunda.bpm.webapp.session-cookie.enable-secure-cookie"))
          .isEqualTo("true");
      assertThat(prod.getBeansOfType(ScheduledTaskHolder.class).values().stream()
          .flatMap(holder -> holder.getScheduledTasks().stream()).map(task -> task.getTask().toString()))
          .as("the housekeeping is scheduled without the mail intake and the dev mail server")
          .anyMatch(task -> task.contains("IncidentFigures.rollUp"))
          .anyMatch(task -> task.contains("DecisionInputs.removeOld"));
    }
  }

  /** The reason the prod profile gave for not starting. */
  private static Throwable startupFailure(String database, String adminPassword) {
    return startupFailure(database, adminPassword, List.of());
  }

  private static Throwable startupFailure(String database, String adminPassword, List<String> more) {
    Throwable failure = catchThrowable(() -> startProd(database, adminPassword, more).close());
    assertThat(failure).as("the suite must refuse to start").isNotNull();
    return NestedExceptionUtils.getMostSpecificCause(failure);
  }

  private static ConfigurableApplicationContext startProd(String database, String adminPassword) {
    return startProd(database, adminPassword, List.of());
  }

  private static ConfigurableApplicationContext startProd(String database, String adminPassword, List<String> more) {
    List<String> properties = new ArrayList<>(more.stream().map(p -> p.substring(2)).toList());
    properties.addAll(List.of(
        "spring.profiles.active=prod",
        "itops.base-url=https://itops.example.org",
        "itops.mail.from=itops@example.org",
        "spring.mail.host=127.0.0.1"));
    if (properties.stream().noneMatch(p -> p.startsWith("itops.surveys.secret="))) {
      properties.add("itops.surveys.secret=a-survey-key-of-this-test");
    }
    if (properties.stream().noneMatch(p -> p.startsWith("itops.paging.link-secret="))) {
      properties.add("itops.paging.link-secret=a-paging-key-of-this-test");
    }
    if (adminPassword != null) {
      properties.add("itops.admin.password=" + adminPassword);
    }
    return start(database, properties);
  }

  private static ConfigurableApplicationContext start(String database, List<String> properties) {
    List<String> all = new ArrayList<>(properties);
    List.of(
        "spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
        // no web server: the check happens before it would start, and Camunda's webapp starter keeps the
        // first application context of the JVM in a static field, which a failed start would leave behind
        "spring.main.web-application-type=none",
        "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
        "camunda.bpm.job-execution.enabled=false",
        "itops.mail.dev-server.enabled=false",
        // the embedded default's demo data only where a test asks for it (it mails through the dev mail server)
        "itops.demo-data=false",
        "logging.level.root=WARN").forEach(setting -> {
          String name = setting.substring(0, setting.indexOf('=') + 1);
          if (all.stream().noneMatch(given -> given.startsWith(name))) {
            all.add(setting);
          }
        });
    // command-line arguments, as an operator would pass them: they win over the profile files
    return new SpringApplicationBuilder(ItopsApplication.class).run(all.stream().map(p -> "--" + p).toArray(String[]::new));
  }

  private static String freshDatabase() {
    return "prod-" + UUID.randomUUID();
  }
}
