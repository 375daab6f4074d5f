package org.itops.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Remembers the {@code Idempotency-Key} of a creating request and the record it created, so that a retried
 * request creates nothing twice. The primary key (scope, user, key) makes it hold when two identical requests
 * arrive at the same moment: the second waits for the first and then fails on the key.
 */
@Service
public class IdempotencyKeys {

  /** What an earlier request with the same key created, and a fingerprint of that request. */
  public record Earlier(String recordNumber, String requestHash) {}

  /** The record a request created, or the one an earlier request with the same key created ({@code replayed}). */
  public record Created(String recordNumber, boolean replayed) {

    /** The answer, alike to the first request and to its replays: 201 at the record's address, with the body. */
    public <T> ResponseEntity<T> answer(String location, T body) {
      return ResponseEntity.created(URI.create(location)).header("Idempotent-Replayed", String.valueOf(replayed))
          .body(body);
    }

    /** The answer of the record's own address, which the body names too: {@code {"number", "location"}}. */
    public ResponseEntity<Map<String, Object>> answerAt(String location) {
      return answer(location, Map.of("number", recordNumber, "location", location));
    }
  }

  /** A key that was already used by a request with a different body. */
  public static class KeyReusedException extends RuntimeException {
    private final transient MessageSourceResolvable detail;

    KeyReusedException(String key) {
      super((String) null);
      this.detail = RequestTexts.text("detail.keyReused", key);
    }

    MessageSourceResolvable detail() {
      return detail;
    }

    @Override
    public String getMessage() {
      return RequestTexts.inRequestLanguage(detail);
    }
  }

  static final int MAX_KEY_LENGTH = 200;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final ObjectMapper json;

  IdempotencyKeys(JdbcTemplate jdbc, Clock clock, TransactionTemplate transactions, ObjectMapper json) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.transactions = transactions;
    this.json = json;
  }

  /** The fingerprint of a request body: the same body gives the same one, whatever its JSON spacing or field order. */
  public String fingerprint(Object request) {
    try {
      byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs {@code create} (which answers a record number) once per key: a request with a key used before answers the
   * record of the first request, a request without a key always creates. {@code create} runs in a new transaction
   * with the claim of the key, so a refused request frees its key again.
   *
   * @throws KeyReusedException when the key was used for a different request
   */
  public Created createOnce(String scope, String userId, String key, String requestHash, Supplier<String> create) {
    if (key == null) {
      return new Created(transactions.execute(tx -> create.get()), false);
    }
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw new InvalidRequestException("Idempotency-Key", "reason.length", MAX_KEY_LENGTH);
    }
    Earlier earlier = find(scope, userId, key);
    if (earlier != null) {
      return replay(earlier, requestHash, key);
    }
    try {
      return new Created(transactions.execute(tx -> {
        claim(scope, userId, key, requestHash);
        String recordNumber = create.get();
        complete(scope, userId, key, recordNumber);
        return recordNumber;
      }), false);
    } catch (DataIntegrityViolationException | ConcurrencyFailureException sameKeyAtTheSameMoment) {
      earlier = find(scope, userId, key);
      if (earlier == null) {
        throw sameKeyAtTheSameMoment;
      }
      return replay(earlier, requestHash, key);
    }
  }

  private static Created replay(Earlier earlier, String requestHash, String key) {
    if (!earlier.requestHash().equals(requestHash)) {
      throw new KeyReusedException(key);
    }
    return new Created(earlier.recordNumber(), true);
  }

  private Earlier find(String scope, String userId, String key) {
    List<Earlier> found = jdbc.query("select record_number, request_hash from idempotency_key"
            + " where scope = ? and user_id = ? and idem_key = ?",
        (rs, row) -> new Earlier(rs.getString(1), rs.getString(2)), scope, userId, key);
    return found.isEmpty() ? null : found.get(0);
  }

  /** Claims the key, before the record is created; fails on the primary key when another request holds it. */
  private void claim(String scope, String userId, String key, String requestHash) {
    jdbc.update("insert into idempotency_key (scope, user_id, idem_key, request_hash, created_at)"
        + " values (?, ?, ?, ?, ?)", scope, userId, key, requestHash, Timestamp.from(clock.instant()));
  }

  /** Notes the record that the request created, in the same transaction as the claim. */
  private void complete(String scope, String userId, String key, String recordNumber) {
    jdbc.update("update idempotency_key set record_number = ? where scope = ? and user_id = ? and idem_key = ?",
        recordNumber, scope, userId, key);
  }
}
