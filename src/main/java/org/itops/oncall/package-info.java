/**
 * On-call (issue 19): a rota per support group with its overrides ({@code /api/rotas}, process {@code rota-override}
 * in Tasklist), and the page of a P1 or major incident (process {@code on-call-page}): the person on duty is mailed
 * and the paging webhook called, and a page nobody acknowledges in time escalates to the next person, the group's
 * manager, then {@code it-managers}. Pages feed the mean time to acknowledge of the KPIs.
 */
package org.itops.oncall;
