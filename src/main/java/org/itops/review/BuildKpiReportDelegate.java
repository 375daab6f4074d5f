package org.itops.review;

import static org.itops.platform.FormValues.text;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.kpi.KpiReport;
import org.itops.platform.SuiteProperties;
import org.itops.platform.SuiteText;
import org.springframework.stereotype.Component;

/**
 * "Build the KPI report": of the period of the start form ({@code periodFrom}, {@code periodTo}: dates) or, started by
 * the monthly timer, of the previous month; the review's number becomes the business key.
 */
@Component("buildKpiReportDelegate")
class BuildKpiReportDelegate implements JavaDelegate {

  private final ReviewService reviews;
  private final String baseUrl;
  private final SuiteText text;
  private final ZoneId zone;

  BuildKpiReportDelegate(ReviewService reviews, SuiteProperties suite, SuiteText text) {
    this.reviews = reviews;
    this.baseUrl = suite.baseUrl();
    this.text = text;
    this.zone = suite.zone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    String service = text(execution, "service");
    // asked for over the API, the review has its number already; the monthly timer's gets one here
    ReviewService.Review review = reviews.build(execution.getProcessBusinessKey(), date(execution, "periodFrom", zone),
        date(execution, "periodTo", zone), service == null || service.isBlank() ? null : service.strip());
    execution.setProcessBusinessKey(review.number());
    execution.setVariable("recordNumber", review.number());
    execution.setVariable("title", text.get("review.title", KpiReport.day(review.kpis(), zone))
        + (review.service() == null ? "" : ", " + review.service()));
    execution.setVariable("priority", null);
    execution.setVariable("kpiSummary", ReviewService.summary(review.kpis(), text));
    execution.setVariable("reportLink", baseUrl + "/api/kpis/report?from=" + review.from() + "&to=" + review.to()
        + (review.service() == null ? "" : "&service=" + URLEncoder.encode(review.service(), StandardCharsets.UTF_8)));
  }

  /** A day of the form, from its start in the suite's zone. */
  private static Instant date(DelegateExecution execution, String name, ZoneId zone) {
    String text = text(execution, name);
    return text == null || text.isBlank() ? null
        : LocalDate.parse(text.strip().substring(0, 10)).atStartOfDay(zone).toInstant();
  }
}
