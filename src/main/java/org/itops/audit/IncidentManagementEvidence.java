package org.itops.audit;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.itops.incident.Incident;
import org.itops.incident.IncidentReviews;
import org.itops.platform.ShownCodes;
import org.itops.platform.SuiteTime;
import org.springframework.stereotype.Component;

/**
 * A.5.24 incident management: every incident reported in the period, by priority, with whether its response and
 * resolution met their SLA targets, the IT managers' reviews of its breaches, and for a major incident its root-cause
 * review (the incident feature's {@link IncidentReviews#reviewedBetween}).
 */
@Component
class IncidentManagementEvidence implements ControlEvidence {

  private final IncidentReviews reviews;
  private final EvidenceTexts texts;
  private final ShownCodes codes;
  private final SuiteTime time;

  IncidentManagementEvidence(IncidentReviews reviews, EvidenceTexts texts, ShownCodes codes, SuiteTime time) {
    this.reviews = reviews;
    this.texts = texts;
    this.codes = codes;
    this.time = time;
  }

  @Override
  public String control() {
    return "A.5.24";
  }

  @Override
  public List<String> columns() {
    return List.of("evidence.incident.priority", "evidence.incident.title", "evidence.incident.status",
        "evidence.incident.response", "evidence.incident.resolution", "evidence.incident.breachReviews",
        "evidence.incident.major", "evidence.incident.rootCause");
  }

  @Override
  public List<Row> rows(Instant from, Instant to) {
    return reviews.reviewedBetween(from, to).stream().map(this::row).toList();
  }

  private Row row(IncidentReviews.Reviewed reviewed) {
    Incident incident = reviewed.incident();
    IncidentReviews.RootCauseReview rootCause = reviewed.rootCause();
    return new Row(incident.getNumber(), "/api/incidents/" + incident.getNumber(), List.of(
        codes.shown("priority", incident.getPriority()), incident.getTitle(), incident.getStatus().name(),
        sla(incident.isResponseBreached(), incident.getRespondedAt()),
        sla(incident.isResolutionBreached(), incident.getResolvedAt()),
        reviewed.breachReviews().stream().map(review -> texts.text("evidence.incident.breachReview",
            time.format(review.at()), review.by(), review.action())).collect(Collectors.joining("\n")),
        texts.text(incident.isMajor() ? "evidence.yes" : "evidence.no"),
        rootCause == null ? "" : texts.text("evidence.incident.rootCauseReview", time.format(rootCause.at()),
            rootCause.by(), rootCause.rootCause(), rootCause.preventiveActions())));
  }

  /** Missed once its target passed; met when done in time; not yet while it runs. */
  private String sla(boolean breached, Instant done) {
    return texts.text(breached ? "evidence.incident.missed" : done != null ? "evidence.incident.met"
        : "evidence.incident.notYet");
  }
}
