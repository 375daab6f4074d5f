package org.itops.kpi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The KPIs of a period (guide 8.2). Durations in minutes, rates in percent (0-100), null where the period has no
 * case to measure.
 *
 * @param service the service the figures are limited to, null for all
 */
public record Kpis(Instant from, Instant to, String service, Incidents incidents, Changes changes, Demands demands,
    Drills drills, Satisfaction satisfaction, Pages pages, Problems problems, List<ServiceAvailability> availability) {

  /**
   * @param mttaMinutes mean time to acknowledge (report to take) per priority, of the incidents taken in the period
   * @param mttrMinutes mean time to resolve (report to resolution, without the time paused for the requester) per
   *     priority, of the incidents resolved in the period
   * @param responseSlaPercent incidents reported in the period that met their response target
   * @param resolutionSlaPercent incidents resolved in the period that met their resolution target
   * @param backlog incidents open at the end of the period, by age: {@code <1d}, {@code 1-3d}, {@code 3-7d},
   *     {@code >7d}
   * @param reopenRatePercent incidents resolved in the period that had been reopened
   * @param perService incidents reported in the period per service ({@code (none)} without one)
   */
  public record Incidents(long reported, long resolved, Map<String, Double> mttaMinutes,
      Map<String, Double> mttrMinutes, Double responseSlaPercent, Double resolutionSlaPercent,
      Map<String, Long> backlog, Double reopenRatePercent, Map<String, Long> perService,
      Map<String, Double> mttaBusinessMinutes, Map<String, Double> mttrBusinessMinutes) {}

  /**
   * @param successRatePercent changes closed in the period that were implemented and succeeded
   * @param emergencyRatioPercent changes requested in the period that were classified emergency
   */
  public record Changes(long closed, Double successRatePercent, long requested, Double emergencyRatioPercent) {}

  /**
   * @param leadTimeDays mean days from submission to delivery of the demands delivered in the period
   * @param acceptanceFirstPassPercent delivered demands accepted at their first acceptance test
   */
  public record Demands(long delivered, Double leadTimeDays, Double acceptanceFirstPassPercent) {}

  /**
   * @param evaluated emergency drills of the period (their drill day) that were evaluated; drills test plans, not
   *     services, so a service's KPIs count all of them
   * @param passRatePercent the evaluated drills in which every team met the plan's objectives
   */
  public record Drills(long evaluated, Double passRatePercent) {}

  /**
   * @param csat mean rating (1-5) of the survey answers of the period
   * @param satisfiedPercent answers rating 4 or 5
   */
  public record Satisfaction(long answers, Double csat, Double satisfiedPercent) {}

  /**
   * The on-call pages of P1 and major incidents (org.itops.oncall) first paged in the period; pages name a support
   * group, not a service, so a service's KPIs count all of them.
   *
   * @param mttaMinutes mean time from the first page to its acknowledgement, of the acknowledged ones
   */
  public record Pages(long paged, long acknowledged, Double mttaMinutes) {}

  /**
   * @param open problems open at the end of the period
   * @param linkedIncidents incidents reported in the period that are linked to a problem
   * @param timeToRootCauseHours mean hours from a problem's opening to its first root cause, of the problems whose
   *     root cause was found in the period
   * @param recurredAfterFixPercent problems fixed in the period (their change succeeded) on whose item an incident
   *     recurred during the watch
   */
  public record Problems(long open, long linkedIncidents, Double timeToRootCauseHours,
      Double recurredAfterFixPercent) {}

  /**
   * The measured availability of a published service with an availability target: 1 - (the union of the outages of
   * its incidents marked as outages, clipped to the period) / (its service time in the period), both counted in its
   * hours of service ({@link Availability}). A period that has not ended yet counts up to now.
   *
   * @param targetPercent the availability target of its SLA in force
   * @param availabilityPercent measured (0-100, three decimals), null when the period has no service time
   * @param ratio measured (0-1, five decimals), null when the period has no service time
   * @param outageMinutes the minutes of its hours of service it was down
   * @param serviceMinutes the minutes of its hours of service in the period (up to now)
   * @param met whether the measured availability reaches the target, null when there is none
   */
  public record ServiceAvailability(String service, double targetPercent, Double availabilityPercent, Double ratio,
      long outageMinutes, long serviceMinutes, Boolean met) {}

  /** The priorities, in order, that the per-priority figures use. */
  static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");
}
