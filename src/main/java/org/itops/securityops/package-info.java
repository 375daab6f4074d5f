/**
 * Security incidents (guide 7.2, 7.4): process {@code security-incident}, DMN {@code breach-notification}, the
 * regulator's 72-hour clock, {@code /api/security-incidents}. Confidential to the security team.
 */
package org.itops.securityops;
