package org.itops.securityops;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.itops.ProcessSteps;
import org.itops.securityops.SecurityIncidentProcess.Element;
import org.springframework.stereotype.Component;

/** The steps of a security incident as the security team takes them, for the tests. */
@Component
class SecurityIncidentScenario {

  static final String TEAM_MEMBER = "secops";

  private final SecurityIncidentService incidents;
  private final SecurityIncidentRepository repository;
  private final ProcessSteps steps;
  private final Clock clock;

  SecurityIncidentScenario(SecurityIncidentService incidents, SecurityIncidentRepository repository,
      ProcessSteps steps, Clock clock) {
    this.incidents = incidents;
    this.repository = repository;
    this.steps = steps;
    this.clock = clock;
  }

  /** A report detected {@code ago}, with a summary nobody else uses. */
  SecurityIncidentReport report(Duration ago) {
    return new SecurityIncidentReport("Phishing mail with a credential form " + UUID.randomUUID(),
        "Three people entered their password", "high", clock.instant().minus(ago).toString(), "mail gateway");
  }

  String reportAs(String user, SecurityIncidentReport report) {
    String number = steps.as(user, () -> incidents.report(report));
    steps.runAsyncJobs(number);
    return number;
  }

  /** Triage (personal data as given, or none when {@code category} is null) and containment. */
  void triageAndContain(String number, String category, long records) {
    Map<String, Object> triage = new HashMap<>(Map.of("severity", "critical", "triageNotes", "Credential phishing",
        "personalDataInvolved", category != null));
    if (category != null) {
      triage.put("recordsAffected", records);
      triage.put("dataCategory", category);
    }
    steps.complete(number, Element.TRIAGE, TEAM_MEMBER, triage);
    steps.complete(number, Element.CONTAIN, TEAM_MEMBER, Map.of("containmentActions", "Blocked the sender, reset"
        + " the three passwords"));
  }

  void eradicateAndRecover(String number) {
    steps.complete(number, Element.ERADICATE, TEAM_MEMBER, Map.of("eradicationActions", "Removed the mails"));
    steps.complete(number, Element.RECOVER, TEAM_MEMBER, Map.of("recoveryActions", "Accounts re-enabled with MFA"));
  }

  void writeReport(String number) {
    steps.complete(number, Element.REPORT, TEAM_MEMBER, Map.of("reportSummary", "Phishing, contained in an hour",
        "lessonsLearned", "Train staff; MFA everywhere"));
  }

  SecurityIncident record(String number) {
    return repository.find(number).orElseThrow();
  }
}
