package org.itops.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of the test's SMTP server that can stall: while stalled, it accepts connections and says
 * nothing, so that a mail job hangs in the middle of its work (as on a mail server that does not answer).
 */
final class StallingSmtp implements AutoCloseable {

  private final ServerSocket server;
  private final int target;
  private final AtomicBoolean stalled = new AtomicBoolean();
  private final AtomicInteger stalledConnections = new AtomicInteger();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  StallingSmtp(int target) throws IOException {
    this.server = new ServerSocket(0);
    this.target = target;
    Thread acceptor = new Thread(this::accept, "stalling-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  void stall(boolean stall) {
    stalled.set(stall);
  }

  /** Connections that arrived while stalled: a job is hanging in the middle. */
  int stalledConnections() {
    return stalledConnections.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        sockets.add(client);
        if (stalled.get()) {
          stalledConnections.incrementAndGet();
          continue;
        }
        Socket smtp = new Socket("127.0.0.1", target);
        sockets.add(smtp);
        pipe(client.getInputStream(), smtp.getOutputStream());
        pipe(smtp.getInputStream(), client.getOutputStream());
      } catch (IOException closed) {
        return;
      }
    }
  }

  private static void pipe(InputStream in, OutputStream out) {
    Thread thread = new Thread(() -> {
      try (in; out) {
        in.transferTo(out);
      } catch (IOException ignored) {
        // one side closed
      }
    }, "stalling-smtp-pipe");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
