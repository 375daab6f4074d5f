package org.itops.drill;

import java.time.Instant;
import java.util.List;

/** An emergency plan: what is drilled, by whom, against which objectives, how often. */
public record EmergencyPlan(long id, String name, String scenario, String ownerGroup, List<String> participatingTeams,
    int rtoMinutes, int rpoMinutes, int frequencyDays, Instant nextDrillAt) {}
