/**
 * What every process relies on: security (authentication of the REST APIs, seeded groups, users and
 * authorizations), deployment of {@code processes/} and {@code forms/}, Tasklist filters and record numbers.
 */
package org.itops.platform;
