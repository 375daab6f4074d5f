package org.itops.demand;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The delivery of a demand (table {@code demand_delivery}): its implementation (guide 3) and acceptance (guide 6). A
 * class with setters, as each step sets a few of its fields. The API shows it with its column names, as it always has.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public class Delivery {

  private String demandNumber;
  private String designReference;
  private String plan;
  private String milestones;
  private String people;
  private BigDecimal budget;
  private String environments;
  private String budgetApprovedBy;
  private int qcFailures;
  private String changeNumber;
  private String deliveryPackage;
  private String handover;
  private int acceptanceRounds;
  private String signedOffBy;
  private Instant signedOffAt;
  private Instant warrantyUntil;
  /** The incidents of the warranty, comma separated. */
  private String warrantyIncidents;
  private String wentWell;
  private String toImprove;
  private String lessons;

  /** The delivery of a new demand: nothing done yet. */
  static Delivery of(String demandNumber) {
    Delivery delivery = new Delivery();
    delivery.demandNumber = demandNumber;
    return delivery;
  }

  public String getDemandNumber() { return demandNumber; }
  public void setDemandNumber(String demandNumber) { this.demandNumber = demandNumber; }
  public String getDesignReference() { return designReference; }
  public void setDesignReference(String designReference) { this.designReference = designReference; }
  public String getPlan() { return plan; }
  public void setPlan(String plan) { this.plan = plan; }
  public String getMilestones() { return milestones; }
  public void setMilestones(String milestones) { this.milestones = milestones; }
  public String getPeople() { return people; }
  public void setPeople(String people) { this.people = people; }
  public BigDecimal getBudget() { return budget; }
  public void setBudget(BigDecimal budget) { this.budget = budget; }
  public String getEnvironments() { return environments; }
  public void setEnvironments(String environments) { this.environments = environments; }
  public String getBudgetApprovedBy() { return budgetApprovedBy; }
  public void setBudgetApprovedBy(String budgetApprovedBy) { this.budgetApprovedBy = budgetApprovedBy; }
  public int getQcFailures() { return qcFailures; }
  public void setQcFailures(int qcFailures) { this.qcFailures = qcFailures; }
  public String getChangeNumber() { return changeNumber; }
  public void setChangeNumber(String changeNumber) { this.changeNumber = changeNumber; }
  public String getDeliveryPackage() { return deliveryPackage; }
  public void setDeliveryPackage(String deliveryPackage) { this.deliveryPackage = deliveryPackage; }
  public String getHandover() { return handover; }
  public void setHandover(String handover) { this.handover = handover; }
  public int getAcceptanceRounds() { return acceptanceRounds; }
  public void setAcceptanceRounds(int acceptanceRounds) { this.acceptanceRounds = acceptanceRounds; }
  public String getSignedOffBy() { return signedOffBy; }
  public void setSignedOffBy(String signedOffBy) { this.signedOffBy = signedOffBy; }
  public Instant getSignedOffAt() { return signedOffAt; }
  public void setSignedOffAt(Instant signedOffAt) { this.signedOffAt = signedOffAt; }
  public Instant getWarrantyUntil() { return warrantyUntil; }
  public void setWarrantyUntil(Instant warrantyUntil) { this.warrantyUntil = warrantyUntil; }
  public String getWarrantyIncidents() { return warrantyIncidents; }
  public void setWarrantyIncidents(String warrantyIncidents) { this.warrantyIncidents = warrantyIncidents; }
  public String getWentWell() { return wentWell; }
  public void setWentWell(String wentWell) { this.wentWell = wentWell; }
  public String getToImprove() { return toImprove; }
  public void setToImprove(String toImprove) { this.toImprove = toImprove; }
  public String getLessons() { return lessons; }
  public void setLessons(String lessons) { this.lessons = lessons; }
}
