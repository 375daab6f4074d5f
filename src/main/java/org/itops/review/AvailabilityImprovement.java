package org.itops.review;

import java.time.Instant;

/**
 * A month of a service below its availability target, noted by the review that starts its improvement (one per
 * service and month: the primary key), with the improvement once started.
 */
record AvailabilityImprovement(String service, Instant periodFrom, String reviewNumber, String improvementNumber) {}
