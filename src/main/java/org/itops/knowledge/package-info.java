/**
 * Knowledge base (guide 5.3): the {@code knowledge-article} process (propose, write, review, publish, revise,
 * retire), its records and search index, the {@code /api/knowledge} API, and the suggestions that the incident's
 * "Work on incident" task shows.
 */
package org.itops.knowledge;
