package org.itops.review;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.platform.SuiteProperties;
import org.springframework.stereotype.Component;

/**
 * "Build the KPI report": of the period of the start form ({@code periodFrom}, {@code periodTo}: dates) or, started by
 * the monthly timer, of the previous month; the review's number becomes the business key.
 */
@Component("buildKpiReportDelegate")
class BuildKpiReportDelegate implements JavaDelegate {

  private final ReviewService reviews;
  private final String baseUrl;

  BuildKpiReportDelegate(ReviewService reviews, SuiteProperties suite) {
    this.reviews = reviews;
    this.baseUrl = suite.baseUrl();
  }

  @Override
  public void execute(DelegateExecution execution) {
    String service = text(execution, "service");
    ReviewService.Review review = reviews.build(date(execution, "periodFrom"), date(execution, "periodTo"),
        service == null || service.isBlank() ? null : service.strip());
    execution.setProcessBusinessKey(review.number());
    execution.setVariable("recordNumber", review.number());
    execution.setVariable("title", "Service review " + review.from().toString().substring(0, 10) + " - "
        + review.to().toString().substring(0, 10) + (review.service() == null ? "" : ", " + review.service()));
    execution.setVariable("priority", null);
    execution.setVariable("kpiSummary", ReviewService.summary(review.kpis()));
    execution.setVariable("reportLink", baseUrl + "/api/kpis/report?from=" + review.from() + "&to=" + review.to()
        + (review.service() == null ? "" : "&service=" + URLEncoder.encode(review.service(), StandardCharsets.UTF_8)));
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }

  private static Instant date(DelegateExecution execution, String name) {
    String text = text(execution, name);
    return text == null || text.isBlank() ? null
        : LocalDate.parse(text.strip().substring(0, 10)).atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
