package org.itops.catalog;

import java.math.BigDecimal;
import java.util.Map;
import org.itops.ProcessSteps;
import org.springframework.stereotype.Component;

/** Services through their onboarding, for the tests of the catalog and of what uses it. */
@Component
public class CatalogScenario {

  private final ServiceCatalog catalog;
  private final ProcessSteps steps;

  CatalogScenario(ServiceCatalog catalog, ProcessSteps steps) {
    this.catalog = catalog;
    this.steps = steps;
  }

  /** {@code owner} proposes the service (owned by {@code owner}, supported by ops-engineers); answers its number. */
  public String propose(String name, String tier) {
    return propose(name, tier, "24x7");
  }

  /** {@link #propose(String, String)} with the hours of service: 24x7 or a calendar's name. */
  public String propose(String name, String tier, String hours) {
    return steps.as("owner", () -> catalog.propose(new ServiceProposal(name, "For the tests", "owner",
        "ops-engineers", new ServiceLevel(tier, hours, new BigDecimal("99.9")))));
  }

  /** Proposes the service and takes it through agreement and both approvals: it is published. */
  public String publish(String name, String tier) {
    return publish(name, tier, "24x7");
  }

  /** {@link #publish(String, String)} with the hours of service: 24x7 or a calendar's name. */
  public String publish(String name, String tier, String hours) {
    String number = propose(name, tier, hours);
    agree(number);
    approve(number);
    steps.runAsyncJobs(number);
    return number;
  }

  void agree(String number) {
    steps.complete(number, OnboardingProcess.Element.AGREE_SLA, "owner", Map.of("slaDecision", "agreed"));
  }

  void approve(String number) {
    steps.complete(number, OnboardingProcess.Element.APPROVE_OWNERS, "owner", Map.of("ownersApproval", "approve"));
    steps.complete(number, OnboardingProcess.Element.APPROVE_MANAGER, "manager", Map.of("managerApproval", "approve"));
  }
}
