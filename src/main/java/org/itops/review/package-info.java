/**
 * Evaluation (guide 4.2, 8.2): the KPIs of a period over the suite's records ({@code /api/kpis}), the metrics that
 * Prometheus scrapes, and the {@code service-review} process.
 */
package org.itops.review;
