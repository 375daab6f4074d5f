/**
 * Attachments (issue 17) of incidents, demands, changes, security incidents and knowledge articles: files uploaded
 * through {@code /api/<records>/{number}/attachments} or mailed to the service desk, kept in the database and
 * streamed in and out, read by whoever reads their record.
 */
package org.itops.attachment;
