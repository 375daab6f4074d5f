package org.itops.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.LimitExceededException;
import org.itops.platform.Timeline;
import org.itops.platform.UploadLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the attachments of records: checks a file against the limits, stores it, lists a record's attachments and
 * writes their contents out. Who may do so is the caller's to decide (the API: whoever reads the record; the mail
 * intake: the sender of a mail it accepted). Storing runs in the caller's transaction.
 */
@Service
public class Attachments {

  /** The process variable with the record's attachments as Markdown links, which Tasklist forms show. */
  public static final String LINKS_VARIABLE = "attachmentLinks";

  static final int MAX_FILE_NAME = 255;

  /** Where the bytes of a file come from: opened twice, to inspect them and then to store them. */
  @FunctionalInterface
  public interface Content {
    InputStream open() throws IOException;
  }

  /** An attachment as the API lists it, with the link that downloads it. */
  public record Summary(String id, String fileName, String contentType, long size, String uploadedBy,
      Instant uploadedAt, String download) {}

  private final AttachmentRepository repository;
  private final AttachmentProperties limits;
  private final Map<String, AttachingRecords> kindsByPrefix;
  private final Map<String, AttachingRecords> kindsByPath;
  private final Timeline timeline;
  private final RuntimeService runtimeService;
  private final CurrentUser currentUser;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Attachments(AttachmentRepository repository, AttachmentProperties limits, List<AttachingRecords> kinds,
      Timeline timeline, RuntimeService runtimeService, CurrentUser currentUser, TransactionTemplate transactions,
      Clock clock, @Value(UploadLimits.MAX_UPLOAD_BYTES) long maxUploadBytes) {
    if (limits.maxFileBytes() > maxUploadBytes) {
      throw new IllegalStateException("itops.attachments.max-file-bytes (" + limits.maxFileBytes() + ") is larger"
          + " than the largest upload, itops.api.max-upload-bytes (" + maxUploadBytes + "): raise that too");
    }
    this.repository = repository;
    this.limits = limits;
    this.kindsByPrefix = kinds.stream().collect(Collectors.toMap(AttachingRecords::prefix, Function.identity()));
    this.kindsByPath = kinds.stream().collect(Collectors.toMap(AttachingRecords::path, Function.identity()));
    this.timeline = timeline;
    this.runtimeService = runtimeService;
    this.currentUser = currentUser;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Inspects and stores a file as an attachment of the record.
   *
   * @throws LimitExceededException when the file or the record's attachments would be over a limit; nothing is stored
   * @throws InvalidRequestException when the file name is not one
   */
  public Attachment add(String recordNumber, String fileName, Content content, String uploadedBy) {
    return store(recordNumber, fileName, content, inspect(content), uploadedBy);
  }

  /** Reads the content once: its size (refused over the limit of a file), SHA-256 and type. */
  Inspection inspect(Content content) {
    try (InputStream in = content.open()) {
      return Inspection.of(in, limits.maxFileBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the file", e);
    }
  }

  /** Stores an inspected file, unless the record's attachments would be over a limit then. */
  Attachment store(String recordNumber, String fileName, Content content, Inspection inspection, String uploadedBy) {
    requireFileName(fileName);
    repository.lock(recordNumber);
    AttachmentRepository.Totals totals = repository.totals(recordNumber);
    if (totals.count() >= limits.maxPerRecord()) {
      throw new LimitExceededException("api.tooManyAttachments", limits.maxPerRecord(), "file",
          "reason.attachments.tooMany", totals.count());
    }
    if (totals.bytes() + inspection.size() > limits.maxRecordBytes()) {
      throw new LimitExceededException("api.recordAttachmentsTooLarge", limits.maxRecordBytes(), "file",
          "reason.attachments.recordTooLarge", limits.maxRecordBytes());
    }
    Attachment attachment = new Attachment(UUID.randomUUID().toString().replace("-", ""), recordNumber, fileName,
        inspection.contentType(), inspection.size(), inspection.sha256(), uploadedBy, clock.instant());
    try (DigestInputStream in = new DigestInputStream(content.open(), Inspection.digest())) {
      repository.insert(attachment, in);
      if (!HexFormat.of().formatHex(in.getMessageDigest().digest()).equals(inspection.sha256())) {
        throw new IllegalStateException("The file changed between its inspection and its storing");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the file", e);
    }
    timeline.record(recordNumber, "ATTACHED", "timeline.attached", fileName, inspection.contentType(),
        inspection.size());
    showInTasklist(recordNumber);
    return attachment;
  }

  /** The record's attachments, oldest first. */
  public List<Summary> of(String recordNumber) {
    return repository.of(recordNumber).stream().map(this::summary).toList();
  }

  Optional<Attachment> find(String recordNumber, String id) {
    return repository.find(recordNumber, id);
  }

  /** Writes the attachment's content to {@code out}, read from the database as it is written. */
  void copyContent(String id, OutputStream out) {
    transactions.executeWithoutResult(tx -> repository.copyContent(id, out));
  }

  /** The kind of records whose API has this path; empty for a path that takes no attachments. */
  Optional<AttachingRecords> kindAt(String path) {
    return Optional.ofNullable(kindsByPath.get(path));
  }

  Summary summary(Attachment a) {
    return new Summary(a.id(), a.fileName(), a.contentType(), a.sizeBytes(), a.uploadedBy(), a.uploadedAt(),
        "/api/" + kindOf(a.recordNumber()).path() + "/" + a.recordNumber() + "/attachments/" + a.id());
  }

  private AttachingRecords kindOf(String recordNumber) {
    AttachingRecords kind = kindsByPrefix.get(recordNumber.substring(0, recordNumber.indexOf('-')));
    if (kind == null) {
      throw new IllegalArgumentException(recordNumber + " is no record that takes attachments");
    }
    return kind;
  }

  /**
   * Sets the variable of the record's process instances that lists the attachments as Markdown links, which the
   * Tasklist forms of its staff show ({@link #LINKS_VARIABLE}). The file names are escaped: a name is never markup.
   */
  private void showInTasklist(String recordNumber) {
    String links = links(recordNumber);
    // the uploader may not change the instance (a requester); the suite sets what its processes show
    currentUser.asSystem(() -> {
      runtimeService.createProcessInstanceQuery().processDefinitionKey(kindOf(recordNumber).processKey())
          .processInstanceBusinessKey(recordNumber).list()
          .forEach(instance -> runtimeService.setVariable(instance.getId(), LINKS_VARIABLE, links));
      return null;
    });
  }

  /**
   * The record's attachments as Markdown links, the value of {@link #LINKS_VARIABLE}: for a process that attaches
   * files to its record while it starts, before the engine has stored the instance that the variable is set on.
   */
  public String links(String recordNumber) {
    return of(recordNumber).stream()
        .map(summary -> "- [" + markdownText(summary.fileName()) + "](" + summary.download() + ")")
        .collect(Collectors.joining("\n"));
  }

  /** The text with every character that Markdown or HTML could take as markup escaped by a backslash. */
  static String markdownText(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if ("\\`*_{}[]()<>#+-.!|~&\"'".indexOf(c) >= 0) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }

  private static void requireFileName(String fileName) {
    if (fileName == null || fileName.isBlank() || fileName.length() > MAX_FILE_NAME
        || fileName.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidRequestException("file", "reason.attachment.fileName", MAX_FILE_NAME);
    }
  }
}
