package org.itops.drill;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * An emergency plan: what is drilled, by whom, against which objectives, how often (the API shows it without who
 * created it and when).
 */
public record EmergencyPlan(Long id, String name, String scenario, String ownerGroup, List<String> participatingTeams,
    int rtoMinutes, int rpoMinutes, int frequencyDays, Instant nextDrillAt, @JsonIgnore String createdBy,
    @JsonIgnore Instant createdAt, @JsonIgnore Instant updatedAt) {}
