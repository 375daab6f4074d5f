package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An IMAP server that accepts the connection and then says nothing (a hung server, a firewall that swallows the
 * answers): the poll gives up after {@code itops.mail.intake.timeout} and the next one tries again, instead of
 * holding the intake for good.
 */
class MailboxThatStopsAnsweringTest {

  @Test
  void aPollGivesUpAfterTheTimeoutAndReadsNothing() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      MailIntake intake = new MailIntake(properties(silent.getLocalPort(), Duration.ofMillis(500)), mail -> {
        throw new AssertionError("nothing was read, so nothing is handled");
      }, new SimpleMeterRegistry());

      // without a timeout Jakarta Mail waits for the server's greeting without end
      MailIntake.Poll poll = assertTimeoutPreemptively(Duration.ofSeconds(30), intake::poll);

      assertThat(poll).isEqualTo(new MailIntake.Poll(0, 0, 0));
      silent.setSoTimeout(5_000); // a poll that never connected fails here rather than waiting for good
      assertThatNoException().as("the poll reached the server").isThrownBy(() -> silent.accept().close());
    }
  }

  @Test
  void aTimeoutOfZeroIsRefusedAtStart() {
    assertThatThrownBy(() -> properties(143, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("itops.mail.intake.timeout");
  }

  private static MailIntakeProperties properties(int port, Duration timeout) {
    return new MailIntakeProperties(true, "127.0.0.1", port, "imap", "desk", "secret", "INBOX", "ITOps-Processed",
        "ITOps-Errors", Duration.ofMinutes(1), "workplace", 50, List.of(), timeout);
  }
}
