/**
 * The service catalog (guide 1.3-1.4): services with their owner, support group and SLA (tier, hours, availability),
 * onboarded and reviewed yearly by the {@code service-onboarding} process, and the {@code /api/services} API.
 * The incident process takes the tier of the service an incident concerns into its SLA targets.
 */
package org.itops.catalog;
