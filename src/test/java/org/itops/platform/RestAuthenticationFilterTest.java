package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The password check of the REST APIs' HTTP Basic: requests that bring the same password while the engine checks it
 * share that check when it accepts, and each wrong one still reaches the engine. The engine's identity service is
 * stood in for by one that counts its checks and takes its time, as bcrypt does.
 */
class RestAuthenticationFilterTest {

  private static final int REQUESTS = 8;

  private final AtomicInteger checks = new AtomicInteger();
  private final CountDownLatch arrived = new CountDownLatch(REQUESTS);
  private final List<Thread> requestThreads = new CopyOnWriteArrayList<>();
  private final ExecutorService requests = Executors.newFixedThreadPool(REQUESTS, task -> {
    Thread thread = new Thread(task);
    requestThreads.add(thread);
    return thread;
  });
  private final RestAuthenticationFilter filter = filter();

  @AfterEach
  void stop() {
    requests.shutdownNow();
  }

  @Test
  void requestsWithTheSamePasswordShareTheEnginesCheck() throws Exception {
    assertThat(inParallel("right")).containsOnly(true).hasSize(REQUESTS);
    assertThat(checks).hasValue(1);
    assertThat(filter.passwordAccepted("machine", "right")).isTrue();
    assertThat(checks).as("verified less than a TTL ago").hasValue(1);
  }

  @Test
  void eachWrongPasswordReachesTheEngine() throws Exception {
    assertThat(inParallel("wrong")).containsOnly(false).hasSize(REQUESTS);
    assertThat(checks).as("each wrong attempt counts for the lock-out").hasValue(REQUESTS);
  }

  /** The password of user {@code machine} checked by that many requests at once. */
  private List<Boolean> inParallel(String password) throws Exception {
    List<Future<Boolean>> answers = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      answers.add(requests.submit(() -> {
        arrived.countDown();
        return filter.passwordAccepted("machine", password);
      }));
    }
    List<Boolean> accepted = new ArrayList<>();
    for (Future<Boolean> answer : answers) {
      accepted.add(answer.get(30, TimeUnit.SECONDS));
    }
    return accepted;
  }

  /** An identity service whose first check waits until every other request waits, before it answers. */
  private RestAuthenticationFilter filter() {
    IdentityService identity = (IdentityService) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {IdentityService.class}, (proxy, method, arguments) -> switch (method.getName()) {
          case "checkPassword" -> {
            if (checks.incrementAndGet() == 1) {
              // the first check answers once every other request has arrived and waits (for this check, if shared)
              arrived.await(30, TimeUnit.SECONDS);
              Thread checking = Thread.currentThread();
              await().atMost(Duration.ofSeconds(30)).until(() -> requestThreads.stream()
                  .filter(thread -> thread != checking)
                  .allMatch(thread -> thread.getState() == Thread.State.WAITING));
            }
            yield "right".equals(arguments[1]);
          }
          case "isReadOnly" -> true; // no password to upgrade
          default -> throw new UnsupportedOperationException(method.getName());
        });
    return new RestAuthenticationFilter(identity, new PasswordUpgrade(identity, null), null, Map.of(), null);
  }
}
