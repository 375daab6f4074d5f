package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Profile;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * A database that fails under a request of our API is answered 503, never 2xx. Spring MVC's own resolvers (the
 * chain a DispatcherServlet has, run here with the suite's handler) take an exception with an {@code EOFException}
 * among its causes for a client that went away and end the request with an empty 200: PostgreSQL's driver raises
 * exactly that on a connection whose server was killed (CrashRecoveryIT caught such a 200, with no record behind it).
 */
class DatabaseFailureAnswerTest {

  /**
   * Fails as the suite fails when PostgreSQL is killed under a request. Its profile is never active: the suite's
   * component scan (which sees the test classes in tests and benchmarks) leaves it out; only this test maps it.
   */
  @Controller
  @Profile("database-failure-answer-test")
  @RequestMapping("/api/failing")
  static class FailingController {

    @PostMapping("/query")
    @ResponseBody
    String query() {
      throw killedServer();
    }

    @PostMapping("/engine")
    @ResponseBody
    String engine() {
      throw new ProcessEngineException("ENGINE-03083 Exception while executing Batch Database Operations",
          killedServer());
    }

    @PostMapping("/commit")
    @ResponseBody
    String commit() {
      throw new TransactionSystemException("Could not commit JDBC transaction", killedServer().getCause());
    }

    @PostMapping("/bug")
    @ResponseBody
    String bug() {
      throw new ProcessEngineException("ENGINE-09005 Could not parse BPMN process");
    }
  }

  /** What JdbcTemplate makes of the driver's I/O error on a connection the server closed. */
  private static DataAccessResourceFailureException killedServer() {
    return new DataAccessResourceFailureException("An I/O error occurred while sending to the backend.",
        new SQLException("An I/O error occurred while sending to the backend.", "08006", new EOFException()));
  }

  MockMvc api;

  @BeforeEach
  void theSuitesHandlerInSpringsResolverChain() {
    ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
    texts.setBasename("i18n/messages");
    texts.setDefaultEncoding(StandardCharsets.UTF_8.name());
    texts.setFallbackToSystemLocale(false);
    AcceptHeaderLocaleResolver languages = new AcceptHeaderLocaleResolver();
    languages.setDefaultLocale(Locale.ENGLISH);
    api = MockMvcBuilders.standaloneSetup(new FailingController())
        .setControllerAdvice(new ApiExceptionHandler(new ApiErrors(texts, languages), 1024))
        .setLocaleResolver(languages).build();
  }

  @Test
  void aQueryOnAKilledConnectionIs503WithRetryAfterAndSaysTheRequestMayNotHaveBeenKept() throws Exception {
    MockHttpServletResponse answer = send("/api/failing/query", "en");

    assertThat(answer.getStatus()).isEqualTo(503);
    assertThat(answer.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).contains("may not have been kept");
  }

  @Test
  void theEnginesAndTheCommitsFailuresOnIt503Too() throws Exception {
    assertThat(send("/api/failing/engine", "en").getStatus()).isEqualTo(503);
    assertThat(send("/api/failing/commit", "en").getStatus()).isEqualTo(503);
    assertThat(send("/api/failing/engine", "zh-CN").getContentAsString(StandardCharsets.UTF_8))
        .contains("本次请求可能未被保存");
  }

  @Test
  void anEngineFailureOfAnotherKindIsNoDatabaseFailure() {
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> send("/api/failing/bug", "en")))
        .as("left to the servlet container, which answers 500").hasRootCauseMessage(
            "ENGINE-09005 Could not parse BPMN process");
  }

  private MockHttpServletResponse send(String path, String language) throws Exception {
    return api.perform(post(path).header(HttpHeaders.ACCEPT_LANGUAGE, language)).andReturn().getResponse();
  }
}
