package org.itops.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import org.itops.Daemons;
import org.itops.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Debian's Nagios 4, started on loopback with the suite's notification commands (integrations/nagios, the shipped
 * command definitions and script): a service check that fails opens one incident, an acknowledgement in Nagios
 * reaches its timeline, and the check's recovery resolves it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NagiosIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private Process nagios;
  private Path dir;

  @Test
  void aFailingCheckOpensOneIncidentAndItsRecoveryResolvesIt() throws Exception {
    String host = "db-" + UUID.randomUUID().toString().substring(0, 8);
    start(host, 2);

    String incident = Daemons.eventually("the incident of " + host, () -> jdbc.queryForList(
        "select incident_number from alert where source = 'nagios' and identity = ? and incident_number is not null",
        String.class, host + "!Disk space"));
    assertThat(jdbc.queryForObject("select priority from incident where number = ?", String.class, incident))
        .as("a CRITICAL check is graded an incident, P2").isEqualTo("P2");

    command("ACKNOWLEDGE_SVC_PROBLEM;" + host + ";Disk space;1;1;0;engineer;Cleaning up /var/log, it's ours");
    Daemons.eventually("the acknowledgement on " + incident, () -> jdbc.queryForList(
        "select detail from record_event where record_number = ? and type = 'NOTE'", String.class, incident));
    assertThat(jdbc.queryForObject("select detail from record_event where record_number = ? and type = 'NOTE'",
        String.class, incident)).startsWith("Acknowledged in nagios by engineer").contains("Cleaning up /var/log");

    checkReturns(0);

    Daemons.eventually("the recovery of " + host, () -> jdbc.queryForList(
        "select number from incident where number = ? and alert_resolved_at is not null", String.class, incident));
    assertThat(jdbc.queryForObject("select count(*) from alert where identity = ?", Integer.class,
        host + "!Disk space")).isOne();
    assertThat(jdbc.queryForObject("select status from alert where identity = ?", String.class, host + "!Disk space"))
        .isEqualTo("RESOLVED");
    assertThat(jdbc.queryForObject("select count(*) from incident where configuration_item like ?", Integer.class,
        host + "%")).as("one incident for the check").isOne();
  }

  @AfterEach
  void stop() {
    if (nagios != null) {
      nagios.destroy();
    }
  }

  /**
   * Nagios with one host and its service "Disk space", checked every second by a script that returns what the test
   * wrote, notifying the contact itops of the shipped command definitions. Runs as the user and group of the test
   * (Nagios drops its privileges to those it is given).
   */
  private void start(String host, int firstResult) throws IOException {
    String binary = Daemons.binary("itops.it.nagios", "/usr/sbin/nagios4", "nagios4-core");
    dir = Files.createTempDirectory("itops-nagios");
    Files.createDirectories(dir.resolve("results"));
    checkReturns(firstResult);
    Path check = dir.resolve("check-state");
    Files.writeString(check, "#!/bin/sh\nread code < " + dir.resolve("state") + "\necho \"disk state $code\"\n"
        + "exit $code\n");
    check.toFile().setExecutable(true);
    Path token = dir.resolve("monitoring.token");
    Files.writeString(token, "dev-monitoring-token");
    Path script = Path.of("integrations/nagios/itops-notify").toAbsolutePath();
    // the shipped command definitions, with the script where this checkout has it and the test's token file
    String commands = Files.readString(Path.of("integrations/nagios/itops-commands.cfg"))
        .replace("/usr/local/lib/itops/itops-notify", script + " -k " + token);
    Files.writeString(dir.resolve("itops-commands.cfg"), commands);
    Files.writeString(dir.resolve("resource.cfg"), "$USER10$=http://127.0.0.1:" + port + "\n");
    Files.writeString(dir.resolve("objects.cfg"), """
        define timeperiod {
          timeperiod_name 24x7
          alias           always
          sunday          00:00-24:00
          monday          00:00-24:00
          tuesday         00:00-24:00
          wednesday       00:00-24:00
          thursday        00:00-24:00
          friday          00:00-24:00
          saturday        00:00-24:00
        }
        define command {
          command_name check-state
          command_line %s
        }
        define host {
          host_name             %s
          address               127.0.0.1
          check_command         check-state
          active_checks_enabled 0
          max_check_attempts    1
          check_period          24x7
          notification_period   24x7
          notification_interval 0
          contacts              itops
          _ITOPS_ENV            production
        }
        define service {
          host_name             %s
          service_description   Disk space
          check_command         check-state
          max_check_attempts    1
          check_interval        1
          retry_interval        1
          check_period          24x7
          notification_period   24x7
          notification_interval 0
          contacts              itops
          _ITOPS_ENV            production
        }
        """.formatted(check, host, host));
    Path config = dir.resolve("nagios.cfg");
    // interval_length=1: intervals count seconds, so the check runs every second
    Files.writeString(config, """
        log_file=%1$s/nagios.log
        cfg_file=%1$s/itops-commands.cfg
        cfg_file=%1$s/objects.cfg
        resource_file=%1$s/resource.cfg
        object_cache_file=%1$s/objects.cache
        precached_object_file=%1$s/objects.precache
        status_file=%1$s/status.dat
        temp_file=%1$s/nagios.tmp
        temp_path=%1$s
        lock_file=%1$s/nagios.lock
        query_socket=%1$s/nagios.qh
        check_result_path=%1$s/results
        command_file=%1$s/nagios.cmd
        check_external_commands=1
        retain_state_information=0
        nagios_user=%2$s
        nagios_group=%3$s
        interval_length=1
        enable_flap_detection=0
        use_syslog=0
        illegal_macro_output_chars=`~$&|'"<>
        """.formatted(dir, System.getProperty("user.name"), Files.getAttribute(dir, "posix:group")));
    nagios = Daemons.start(dir.resolve("nagios.out"), binary, config.toString());
  }

  private void checkReturns(int code) throws IOException {
    Files.writeString(dir.resolve("state"), code + "\n");
  }

  /** An external command, as the Nagios web interface sends it, through Nagios's command pipe. */
  private void command(String command) throws IOException {
    Path pipe = dir.resolve("nagios.cmd");
    Daemons.eventually("Nagios's command pipe", () -> Files.exists(pipe) ? List.of(pipe) : List.of());
    Files.writeString(pipe, "[" + System.currentTimeMillis() / 1000 + "] " + command + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }
}
