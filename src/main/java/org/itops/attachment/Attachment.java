package org.itops.attachment;

import java.time.Instant;

/** An attachment of a record, without its content. */
public record Attachment(String id, String recordNumber, String fileName, String contentType, long sizeBytes,
    String sha256, String uploadedBy, Instant uploadedAt) {}
