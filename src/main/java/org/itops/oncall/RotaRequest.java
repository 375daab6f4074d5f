package org.itops.oncall;

import java.util.List;

/**
 * A rota as {@code PUT /api/rotas/{group}} gives it: the manager, the zone of the handover, the handover time
 * ({@code 09:00}), the length of a shift in days, the day of the first shift ({@code 2026-11-30}) and the members in
 * their order.
 */
public record RotaRequest(String manager, String zone, String handover, Integer shiftDays, String startsOn,
    List<String> members) {}
