package bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One start of {@code suite} (the suite) or {@code bare} (bench.bare.BareCamundaStarter) on the H2 file database in
 * the given directory, in a JVM of its own: writes the JVM's uptime when the application was ready (web server
 * listening, engine started, deployments done) to the result file, then stops.
 */
public final class StartupProbe {

  public static void main(String[] args) throws Exception {
    Path resultFile = Path.of(args[0]);
    String application = args[1];
    Path directory = Path.of(args[2]);
    List<String> settings = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN",
        "--spring.datasource.url=" + Commits.h2Url(directory.resolve("db"))));
    Class<?> source;
    if (application.equals("suite")) {
      // by name: the bare start runs on a class path without the suite's classes
      source = Class.forName("org.itops.ItopsApplication");
      int smtpPort;
      try (ServerSocket socket = new ServerSocket(0)) {
        smtpPort = socket.getLocalPort();
      }
      settings.add("--itops.mail.dev-server.smtp-port=" + smtpPort);
      settings.add("--itops.demo-data=false"); // the benchmarks load their own records
      settings.add("--spring.mail.port=" + smtpPort);
    } else {
      source = bench.bare.BareCamundaStarter.class;
      settings.add("--camunda.bpm.auto-deployment-enabled=false");
    }
    ConfigurableApplicationContext context = new SpringApplicationBuilder(source).run(settings.toArray(String[]::new));
    long readyMillis = ManagementFactory.getRuntimeMXBean().getUptime();
    context.close();
    Properties result = new Properties();
    result.setProperty("startup.ms", String.valueOf(readyMillis));
    try (OutputStream out = Files.newOutputStream(resultFile)) {
      result.store(out, null);
    }
    System.exit(0);
  }

  private StartupProbe() {}
}
