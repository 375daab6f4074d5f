package org.itops.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Blob;
import java.util.List;
import java.util.Optional;
import org.itops.platform.Table;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
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

  /** How many attachments a record has and their bytes together. */
  record Totals(int count, long bytes) {}

  /** The rows without their content, which is written and read as a stream of its own. */
  private static final Table<Attachment> ATTACHMENTS = Table.of("attachment", Attachment.class, "id");
  /** The insert of a row with its content. */
  private static final String INSERT = "insert into attachment (" + ATTACHMENTS.columns() + ", content) values ("
      + ATTACHMENTS.values() + ", :content)";
  private static final RowMapper<Totals> TOTALS = Table.of("attachment", Totals.class, "count").rows();

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final TransactionTemplate ownTransaction;

  AttachmentRepository(NamedParameterJdbcTemplate named, PlatformTransactionManager transactionManager) {
    this.jdbc = named.getJdbcTemplate();
    this.named = named;
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
    SqlParameterSource row = ATTACHMENTS.parameters(attachment);
    SqlTypeValue blob = (statement, index, sqlType, typeName) ->
        statement.setBlob(index, content, attachment.sizeBytes());
    // the row's parameters and the content, which setBlob streams (a large object on PostgreSQL, not a bytea)
    named.update(INSERT, new SqlParameterSource() {
      @Override
      public boolean hasValue(String name) {
        return name.equals("content") || row.hasValue(name);
      }

      @Override
      public Object getValue(String name) {
        return name.equals("content") ? blob : row.getValue(name);
      }

      @Override
      public int getSqlType(String name) {
        return name.equals("content") ? TYPE_UNKNOWN : row.getSqlType(name);
      }
    });
  }

  List<Attachment> of(String recordNumber) {
    return jdbc.query(ATTACHMENTS.select() + " where record_number = ? order by uploaded_at, id", ATTACHMENTS.rows(),
        recordNumber);
  }

  Optional<Attachment> find(String recordNumber, String id) {
    return jdbc.query(ATTACHMENTS.select() + " where record_number = ? and id = ?", ATTACHMENTS.rows(), recordNumber,
        id).stream().findFirst();
  }

  Totals totals(String recordNumber) {
    return jdbc.queryForObject("select count(*) as count, coalesce(sum(size_bytes), 0) as bytes from attachment"
        + " where record_number = ?", TOTALS, recordNumber);
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
}
