/**
 * Demands (guide 2, 3, 6): the {@code service-demand} process from the request to the requester's feedback, and
 * the {@code service-implementation} and {@code delivery-acceptance} processes it calls for an approved demand, with
 * their records (the demand, its specification versions, its delivery) and the {@code /api/demands} API.
 */
package org.itops.demand;
