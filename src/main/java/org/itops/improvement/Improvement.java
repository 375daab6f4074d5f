package org.itops.improvement;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An improvement as stored: the proposal, the KPI it targets, the status of its cycle (the cycles run so far) with
 * the KPI measured before and after, and how it ended.
 */
record Improvement(String number, String title, String description, String source, String targetKpi, String service,
    String status, int cycle, BigDecimal baseline, BigDecimal result, String outcome, String proposedBy,
    Instant createdAt, Instant closedAt) {}
