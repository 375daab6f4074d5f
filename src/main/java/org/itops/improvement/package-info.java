/**
 * Continuous improvement (guide 8): the {@code continuous-improvement} process, a PDCA cycle whose target KPI is
 * measured before and after, with the training it needs recorded per person.
 */
package org.itops.improvement;
