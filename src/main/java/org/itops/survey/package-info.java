/**
 * Satisfaction surveys (guide 4.3): after an incident closes and after a delivery is accepted, the requester gets a
 * signed, single-use link to a one-page survey (no login); a low rating opens a follow-up task. The
 * {@code satisfaction-survey} process holds each survey's expiry and follow-up.
 */
package org.itops.survey;
