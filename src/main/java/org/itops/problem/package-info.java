/**
 * Problems (guide 1.3): the {@code problem-management} process (raised by hand, by a major incident's root-cause
 * review, or by recurring incidents through DMN problem-detection; investigation, known error as a knowledge
 * article, fix through change-management, watch), its records and the {@code /api/problems} API.
 */
package org.itops.problem;
