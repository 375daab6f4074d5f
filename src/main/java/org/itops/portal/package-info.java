/**
 * The requesters' portal at {@code /portal/}: a static page (HTML, plain JavaScript modules, CSS) over the suite's
 * own API. This package holds its login and session ({@link org.itops.platform.SessionLogin}), its security headers,
 * its texts, and the two lists that gather what is a user's across the kinds of records: their requests and what
 * waits for them. Records themselves are read, created and worked on through the features' API and the engine's.
 */
package org.itops.portal;
