/**
 * Configuration items (CMDB light, guide 1.3): what the services run on and what depends on what, with the
 * {@code /api/cis} API, CSV import and export, and the impact of a failing item. Incidents and alerts look their
 * items up here.
 */
package org.itops.cmdb;
