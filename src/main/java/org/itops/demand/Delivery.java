package org.itops.demand;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The delivery of a demand as stored in {@code demand_delivery}: its implementation (guide 3) and acceptance (guide 6),
 * each step setting a few of its fields. The API shows it with its column names, as it always has.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Delivery(String demandNumber, String designReference, String plan, String milestones, String people,
    BigDecimal budget, String environments, String budgetApprovedBy, int qcFailures, String changeNumber,
    String deliveryPackage, String handover, int acceptanceRounds, String signedOffBy, Instant signedOffAt,
    Instant warrantyUntil, String warrantyIncidents, String wentWell, String toImprove, String lessons) {

  /** The delivery of a new demand: nothing done yet. */
  static Delivery of(String demandNumber) {
    return new Delivery(demandNumber, null, null, null, null, null, null, null, 0, null, null, null, 0, null, null,
        null, null, null, null, null);
  }

  Delivery designed(String newDesignReference, String newPlan, String newMilestones) {
    return new Delivery(demandNumber, newDesignReference, newPlan, newMilestones, people, budget, environments,
        budgetApprovedBy, qcFailures, changeNumber, deliveryPackage, handover, acceptanceRounds, signedOffBy,
        signedOffAt, warrantyUntil, warrantyIncidents, wentWell, toImprove, lessons);
  }

  Delivery allocated(String newPeople, BigDecimal newBudget, String newEnvironments) {
    return new Delivery(demandNumber, designReference, plan, milestones, newPeople, newBudget, newEnvironments,
        budgetApprovedBy, qcFailures, changeNumber, deliveryPackage, handover, acceptanceRounds, signedOffBy,
        signedOffAt, warrantyUntil, warrantyIncidents, wentWell, toImprove, lessons);
  }

  Delivery budgetApproved(String by) {
    return new Delivery(demandNumber, designReference, plan, milestones, people, budget, environments, by,
        qcFailures, changeNumber, deliveryPackage, handover, acceptanceRounds, signedOffBy, signedOffAt,
        warrantyUntil, warrantyIncidents, wentWell, toImprove, lessons);
  }

  Delivery withQcFailures(int failures) {
    return new Delivery(demandNumber, designReference, plan, milestones, people, budget, environments,
        budgetApprovedBy, failures, changeNumber, deliveryPackage, handover, acceptanceRounds, signedOffBy,
        signedOffAt, warrantyUntil, warrantyIncidents, wentWell, toImprove, lessons);
  }

  Delivery withChange(String change) {
    return new Delivery(demandNumber, designReference, plan, milestones, people, budget, environments,
        budgetApprovedBy, qcFailures, change, deliveryPackage, handover, acceptanceRounds, signedOffBy, signedOffAt,
        warrantyUntil, warrantyIncidents, wentWell, toImprove, lessons);
  }

  Delivery packaged(String newDeliveryPackage, String newHandover) {
    return new Delivery(demandNumber, designReference, plan, milestones, people, budget, environments,
        budgetApprovedBy, qcFailures, changeNumber, newDeliveryPackage, newHandover, acceptanceRounds, signedOffBy,
        signedOffAt, warrantyUntil, warrantyIncidents, wentWell, toImprove, lessons);
  }

  Delivery withAcceptanceRounds(int rounds) {
    return new Delivery(demandNumber, designReference, plan, milestones, people, budget, environments,
        budgetApprovedBy, qcFailures, changeNumber, deliveryPackage, handover, rounds, signedOffBy, signedOffAt,
        warrantyUntil, warrantyIncidents, wentWell, toImprove, lessons);
  }

  Delivery signedOff(String by, Instant at, Instant until) {
    return new Delivery(demandNumber, designReference, plan, milestones, people, budget, environments,
        budgetApprovedBy, qcFailures, changeNumber, deliveryPackage, handover, acceptanceRounds, by, at, until,
        warrantyIncidents, wentWell, toImprove, lessons);
  }

  /** The incidents of the warranty, comma separated. */
  Delivery withWarrantyIncidents(String incidents) {
    return new Delivery(demandNumber, designReference, plan, milestones, people, budget, environments,
        budgetApprovedBy, qcFailures, changeNumber, deliveryPackage, handover, acceptanceRounds, signedOffBy,
        signedOffAt, warrantyUntil, incidents, wentWell, toImprove, lessons);
  }

  Delivery retrospective(String newWentWell, String newToImprove, String newLessons) {
    return new Delivery(demandNumber, designReference, plan, milestones, people, budget, environments,
        budgetApprovedBy, qcFailures, changeNumber, deliveryPackage, handover, acceptanceRounds, signedOffBy,
        signedOffAt, warrantyUntil, warrantyIncidents, newWentWell, newToImprove, newLessons);
  }
}
