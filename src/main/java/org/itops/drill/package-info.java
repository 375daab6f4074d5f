/**
 * Emergency drills (guide 5.4): emergency plans ({@code /api/emergency-plans}), process {@code emergency-drill}
 * (on demand and, through {@code emergency-drill-schedule}, when a plan is due), drill reports ({@code /api/drills}).
 */
package org.itops.drill;
