package org.itops.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Blob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The table {@code attachment} (V13). Contents go in and out as streams through the JDBC {@link Blob} methods: on H2 a
 * BLOB, on PostgreSQL a large object, which its driver writes and reads in chunks (platform.MigrationPlaceholders);
 * so a content is never held whole in memory. Reading a large object needs the caller's transaction.
 */
@Repository
class AttachmentRepository {

  private static final String COLUMNS =
      "id, record_number, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at";

  /** How many attachments a record has and their bytes together. */
  record Totals(int count, long bytes) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  AttachmentRepository(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Locks the record's row of {@code attachment_lock} until the caller's transaction ends, so that uploads to one
   * record take their turns. The row is created at the record's first upload, in a transaction of its own (a
   * failed insert would end the caller's transaction on PostgreSQL); two first uploads at once create it once.
   */
  void lock(String recordNumber) {
    String lock = "select record_number from attachment_lock where record_number = ? for update";
    if (jdbc.queryForList(lock, String.class, recordNumber).isEmpty()) {
      try {
        ownTransaction.executeWithoutResult(tx ->
            jdbc.update("insert into attachment_lock (record_number) values (?)", recordNumber));
      } catch (DuplicateKeyException createdAtTheSameMoment) {
        // the other upload's row serves as well
      }
      jdbc.queryForList(lock, String.class, recordNumber);
    }
  }

  /** Inserts the attachment with its content, read from the stream as it is written (in the caller's transaction). */
  void insert(Attachment attachment, InputStream content) {
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("insert into attachment (" + COLUMNS + ", content)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
      insert.setString(1, attachment.id());
      insert.setString(2, attachment.recordNumber());
      insert.setString(3, attachment.fileName());
      insert.setString(4, attachment.contentType());
      insert.setLong(5, attachment.size());
      insert.setString(6, attachment.sha256());
      insert.setString(7, attachment.uploadedBy());
      insert.setTimestamp(8, Timestamp.from(attachment.uploadedAt()));
      insert.setBlob(9, content, attachment.size());
      return insert;
    });
  }

  List<Attachment> of(String recordNumber) {
    return jdbc.query("select " + COLUMNS + " from attachment where record_number = ? order by uploaded_at, id",
        AttachmentRepository::attachment, recordNumber);
  }

  Optional<Attachment> find(String recordNumber, String id) {
    return jdbc.query("select " + COLUMNS + " from attachment where record_number = ? and id = ?",
        AttachmentRepository::attachment, recordNumber, id).stream().findFirst();
  }

  Totals totals(String recordNumber) {
    return jdbc.queryForObject("select count(*), coalesce(sum(size_bytes), 0) from attachment where record_number = ?",
        (rs, row) -> new Totals(rs.getInt(1), rs.getLong(2)), recordNumber);
  }

  /** Writes the content to {@code out} as it is read (in the caller's transaction). */
  void copyContent(String id, OutputStream out) {
    jdbc.query("select content from attachment where id = ?", (RowCallbackHandler) rs -> {
      Blob content = rs.getBlob(1);
      try (InputStream in = content.getBinaryStream()) {
        in.transferTo(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        content.free();
      }
    }, id);
  }

  private static Attachment attachment(ResultSet rs, int row) throws SQLException {
    return new Attachment(rs.getString("id"), rs.getString("record_number"), rs.getString("file_name"),
        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
        rs.getTimestamp("uploaded_at").toInstant());
  }
}
