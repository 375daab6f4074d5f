package org.itops.improvement;

import java.time.Instant;

/** A training a user completed, from the improvement that planned it (guide 8.3). */
record TrainingRecord(String improvementNumber, String userId, String topic, Instant completedAt, String notes) {}
