/**
 * A first start with data ({@code itops.demo-data}, embedded default only): a month of IT operations loaded through
 * the processes themselves, so that Cockpit, Tasklist, the KPIs and the metrics show real figures at once.
 */
package org.itops.demo;
