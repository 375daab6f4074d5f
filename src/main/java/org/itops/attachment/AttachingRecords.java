package org.itops.attachment;

import java.util.function.Predicate;

/**
 * A kind of record that takes attachments, declared as a bean by its feature: where the kind's API is, and which of
 * its records exist (its read rule says who reads them).
 *
 * @param path the path of the kind's API under {@code /api/} ({@code incidents})
 * @param prefix the prefix of the kind's record numbers ({@code INC})
 * @param processKey the process whose instances carry the records: its Tasklist forms show links to the attachments
 * @param exists whether the record of a number exists
 */
public record AttachingRecords(String path, String prefix, String processKey, Predicate<String> exists) {}
