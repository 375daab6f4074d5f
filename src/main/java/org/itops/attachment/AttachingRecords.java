package org.itops.attachment;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A kind of record that takes attachments, declared as a bean by its feature: where the kind's API is, and which of
 * its records exist (its read rule says who reads them).
 *
 * @param path the path of the kind's API under {@code /api/} ({@code incidents})
 * @param prefix the prefix of the kind's record numbers ({@code INC})
 * @param processKey the process whose instances carry the records: its Tasklist forms show links to the attachments
 * @param exists whether the record of a number exists
 * @param otherwise what the current user, who does not read the record in full, may do with its attachments
 */
public record AttachingRecords(String path, String prefix, String processKey, Predicate<String> exists,
    Function<String, Access> otherwise) {

  /** What a user may do with the attachments of a record. */
  public enum Access {
    /** Nothing: for them the record does not exist (404). */
    NONE,
    /** List and download them all, add none (the readers of a published article). */
    READ,
    /** Add files, and list and download only those they added (a security report's reporter while it is open). */
    ADD_OWN,
    /** List, download and add (whoever reads the record in full). */
    FULL
  }

  /** A kind whose attachments are for the readers of a record in full only. */
  public AttachingRecords(String path, String prefix, String processKey, Predicate<String> exists) {
    this(path, prefix, processKey, exists, number -> Access.NONE);
  }
}
