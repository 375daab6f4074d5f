package org.itops.catalog;

/**
 * A service's SLA came into force (its first publication or an approved change): what is measured against its
 * targets starts or moves (the availability gauge, org.itops.kpi). Published in the transaction of the publication.
 */
public record ServicePublished(String name) {}
