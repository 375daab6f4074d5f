package org.itops;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The paging or chat system of the tests: a real HTTP server (the JDK's) on 127.0.0.1 and a free port, started once
 * per JVM, that the suite's paging webhook posts to ({@code itops.paging.webhook-url}, set here for every test
 * context). It keeps what it received and answers with {@link #answer}, 204 unless a test makes it fail.
 */
public class TestPagingReceiver implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String SECRET = "test-paging-webhook-secret";

  /** One request as received: its body and its signature header. */
  public record Received(String body, String signature) {}

  private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
  private static volatile int answer = 204;
  private static HttpServer server;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-paging", Map.of(
        "itops.paging.webhook-url", "http://127.0.0.1:" + port() + "/page",
        "itops.paging.webhook-secret", SECRET)));
  }

  /** What the receiver got, oldest first. */
  public static List<Received> received() {
    return List.copyOf(RECEIVED);
  }

  /** The status the receiver answers from now on (204 again at {@link #reset}). */
  public static void answer(int status) {
    answer = status;
  }

  public static void reset() {
    RECEIVED.clear();
    answer = 204;
  }

  private static synchronized int port() {
    if (server == null) {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the tests' paging receiver", e);
      }
      server.createContext("/page", exchange -> {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        RECEIVED.add(new Received(body, exchange.getRequestHeaders().getFirst("X-Itops-Signature")));
        exchange.sendResponseHeaders(answer, -1);
        exchange.close();
      });
      server.setExecutor(null);
      server.start();
      // a daemon-less server would keep the JVM alive after the tests: stop it with the JVM
      Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }
    return server.getAddress().getPort();
  }
}
