package org.itops.oncall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.oncall.OnCallPageProcess.Var;
import org.itops.platform.CallsOutside;
import org.itops.platform.Hmac;
import org.springframework.stereotype.Component;

/**
 * "Call paging webhook" of on-call-page: posts the page as JSON to {@code itops.paging.webhook-url}, signed with
 * {@code itops.paging.webhook-secret} in {@code X-Itops-Signature: sha256=<hex>}. An answer other than 2xx, or none,
 * fails the job, which retries and then shows as an incident in Cockpit. Without a URL it does nothing.
 */
@CallsOutside
@Component("callPagingWebhookDelegate")
class CallPagingWebhookDelegate implements JavaDelegate {

  static final String SIGNATURE_HEADER = "X-Itops-Signature";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PagingProperties properties;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  CallPagingWebhookDelegate(PagingProperties properties) {
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) throws IOException, InterruptedException {
    if (!properties.hasWebhook()) {
      return;
    }
    String body = body(execution);
    HttpRequest request = HttpRequest.newBuilder(URI.create(properties.webhookUrl())).timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .header(SIGNATURE_HEADER, "sha256=" + Hmac.hex(properties.webhookSecret(), body))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("The paging webhook " + properties.webhookUrl() + " answered "
          + response.statusCode() + " to the page of " + execution.getProcessBusinessKey());
    }
  }

  private static String body(DelegateExecution execution) throws JsonProcessingException {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("incident", execution.getProcessBusinessKey());
    page.put("title", execution.getVariable(Var.TITLE));
    page.put("priority", execution.getVariable(Var.PRIORITY));
    page.put("group", execution.getVariable(Var.GROUP));
    page.put("person", execution.getVariable(Var.PAGED_USER));
    page.put("pagedGroup", execution.getVariable(Var.PAGED_USER) == null ? Rotas.MANAGERS : null);
    page.put("step", execution.getVariable(Var.STEP));
    page.put("acknowledgeUrl", execution.getVariable(Var.ACKNOWLEDGE_LINK));
    return JSON.writeValueAsString(page);
  }
}
