/**
 * Incidents (guide 1.2 step 3, 5.1, 5.2): the {@code incident-lifecycle} process, its records, SLA clocks and
 * the {@code /api/incidents} API.
 */
package org.itops.incident;
