/**
 * Service review (guide 4.2, 8.2): the {@code service-review} process, which builds the KPI report of a period
 * (package {@code kpi}) for a service's owners and starts the improvements they decide on.
 */
package org.itops.review;
