/**
 * Compliance audits (guide 7.3): process {@code compliance-audit}, {@code /api/audits}; and the audit trail of every
 * record of the suite, {@code /api/records/{number}/audit}.
 */
package org.itops.audit;
