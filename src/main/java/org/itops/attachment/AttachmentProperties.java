package org.itops.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits of attachments (prefix {@code itops.attachments}).
 *
 * @param maxFileBytes the largest file; at most the largest upload ({@code itops.api.max-upload-bytes}), which is its
 *     default (application.yaml)
 * @param maxRecordBytes the largest total of one record's attachments
 * @param maxPerRecord how many attachments one record may have
 */
@ConfigurationProperties("itops.attachments")
public record AttachmentProperties(
    @DefaultValue("10485760") long maxFileBytes,
    @DefaultValue("52428800") long maxRecordBytes,
    @DefaultValue("20") int maxPerRecord) {}
