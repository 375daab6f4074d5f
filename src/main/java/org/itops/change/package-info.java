/**
 * Changes (guide 1.3, 2.3, 3): the {@code change-management} process (classification by DMN, CAB or ECAB
 * approval, scheduling into a window clear of freezes and conflicts, implementation, backout, review), its records,
 * the freeze calendar and the {@code /api/changes} API with the change calendar as JSON and iCalendar.
 */
package org.itops.change;
