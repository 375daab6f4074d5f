package org.itops;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Real servers of Debian's packages (Alertmanager, Prometheus, Nagios) that integration tests start on loopback: where
 * Debian installs them, a free port, and waiting until something they do shows.
 */
public final class Daemons {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** The binary at the path Debian's package installs it (or -D{property}), or a failure that says what to install. */
  public static String binary(String property, String debianPath, String debianPackage) {
    String path = System.getProperty(property, debianPath);
    if (!new File(path).canExecute()) {
      throw new IllegalStateException("This test needs " + path + ": apt-get install " + debianPackage
          + " (.ci/run does; another path with -D" + property + "=...)");
    }
    return path;
  }

  /** Starts the command with its output in the log file; the caller destroys it. */
  public static Process start(Path log, String... command) {
    try {
      return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + command[0], e);
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first of what the query finds within a minute, asking every quarter second. */
  public static <T> T eventually(String what, Supplier<List<T>> query) {
    long end = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < end) {
      List<T> found = query.get();
      if (!found.isEmpty()) {
        return found.get(0);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("Timed out waiting for " + what);
  }

  /** Waits until GET url answers 200. */
  public static void awaitReady(String what, String url) {
    eventually(what + " to be ready", () -> {
      try {
        HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofString());
        return ready.statusCode() == 200 ? List.of(true) : List.of();
      } catch (IOException notYet) {
        return List.of();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of();
      }
    });
  }

  private Daemons() {}
}
