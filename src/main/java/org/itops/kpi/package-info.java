/**
 * Evaluation (guide 4.2, 8.2): the KPIs of a period over the suite's records ({@code /api/kpis}), their report page,
 * and the metrics that Prometheus scrapes. A read model over the tables of the incident, change, demand, drill and
 * survey features: it reads them and writes nothing, so that the service review and the continual improvement
 * (which measures its baseline and effect here) both depend on it rather than on each other.
 */
package org.itops.kpi;
