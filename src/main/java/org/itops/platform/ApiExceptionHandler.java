package org.itops.platform;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.itops.platform.InvalidRequestException.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * How our {@code /api} answers refused requests: a status and a JSON body that says what was wrong, in the language
 * of the request's Accept-Language (Chinese for zh, English otherwise: {@link LanguageConfiguration}) from
 * {@code i18n/messages*.properties}, the reasons of the refused fields too ({@link ApiErrors}). In Chinese, a refusal
 * that names a record or a rule (404, 403, 409) has the kind of refusal as its message and what it names as
 * {@code detail}, both in Chinese.
 */
@RestControllerAdvice(basePackages = "org.itops")
class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final ApiErrors errors;
  private final long maxUploadBytes;

  ApiExceptionHandler(ApiErrors errors, @Value(UploadLimits.MAX_UPLOAD_BYTES) long maxUploadBytes) {
    this.errors = errors;
    this.maxUploadBytes = maxUploadBytes;
  }

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidRequestException e, Locale locale) {
    return ResponseEntity.badRequest().body(errors.body(locale, "api.invalid", e.errors()));
  }

  /**
   * A rule of a task listener or delegate refused the input; the engine wraps what listeners throw. The engine's
   * other failures are the database's ({@link #databaseFailed}) or the suite's.
   */
  @ExceptionHandler(ProcessEngineException.class)
  ResponseEntity<Map<String, Object>> engine(ProcessEngineException e, Locale locale) {
    Throwable cause = e;
    while (cause != null && !(cause instanceof InvalidRequestException)) {
      cause = cause.getCause();
    }
    if (cause != null) {
      return invalid((InvalidRequestException) cause, locale);
    }
    if (causedByTheDatabase(e)) {
      return databaseFailed(e, locale);
    }
    throw e;
  }

  /**
   * The database failed under the request (it is down, or a connection broke): the request may not have been kept,
   * and sending it again may succeed (a retry does nothing twice), so 503 with Retry-After. Answered here, not left to
   * Spring MVC: its DefaultHandlerExceptionResolver takes an exception with an {@code EOFException} among its causes
   * for a client that went away and ends the request with an empty 200, and PostgreSQL's driver raises exactly that
   * on a connection whose server was killed. A 2xx for work that was not kept is what must never happen.
   */
  @ExceptionHandler({DataAccessException.class, TransactionException.class})
  ResponseEntity<Map<String, Object>> databaseFailed(Exception e, Locale locale) {
    LOG.error("The database failed under a request, which was answered 503", e);
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
        .body(Map.of("message", text("api.databaseUnavailable", locale)));
  }

  private static boolean causedByTheDatabase(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SQLException || cause instanceof DataAccessException
          || cause instanceof TransactionException) {
        return true;
      }
    }
    return false;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, Locale locale) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(RequestBodyLimitFilter.tooLarge(errors, locale,
            tooLarge.limit()));
      }
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnrecognizedPropertyException unknown) {
        return invalid(new InvalidRequestException(unknown.getPropertyName(), "api.unknownField.reason",
            unknown.getKnownPropertyIds()), locale);
      }
    }
    return ResponseEntity.badRequest().body(errors.body(locale, "api.unreadable",
        List.of(new FieldError("body", "api.unreadable.reason"))));
  }

  @ExceptionHandler(LimitExceededException.class)
  ResponseEntity<Map<String, Object>> overLimit(LimitExceededException e, Locale locale) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(errors.body(locale, e.messageKey(),
        List.of(e.error()), e.limit()));
  }

  /** A file of a multipart body larger than the largest upload: the servlet container stopped reading it. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> uploadTooLarge(MaxUploadSizeExceededException e, Locale locale) {
    return overLimit(new LimitExceededException("api.fileTooLarge", maxUploadBytes, "file", "api.tooLarge.reason",
        maxUploadBytes), locale);
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Map<String, Object>> notMultipart(MultipartException e, Locale locale) {
    return ResponseEntity.badRequest().body(errors.body(locale, "api.notMultipart",
        List.of(new FieldError("body", "reason.notMultipart"))));
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<Map<String, Object>> missingPart(MissingServletRequestPartException e, Locale locale) {
    return invalid(new InvalidRequestException(e.getRequestPartName(), "reason.missingPart", e.getRequestPartName()),
        locale);
  }

  /** A query parameter or path variable that is not of its type ({@code ?page=two}): named, in the request's words. */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> wrongType(MethodArgumentTypeMismatchException e, Locale locale) {
    return invalid(new InvalidRequestException(e.getName(), "reason.wrongType", String.valueOf(e.getValue())), locale);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e, Locale locale) {
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(Map.of("message",
        text("api.mediaType", locale)));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(NotFoundException e, Locale locale) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(withDetail("api.notFound", e.detail(), locale));
  }

  /**
   * A rule of the suite ({@link NotAllowedException}) or an authorization of the engine the user lacks, named by
   * the engine's permission and resource (identifiers, not translated).
   */
  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, Object>> forbidden(AuthorizationException e, Locale locale) {
    MessageSourceResolvable detail = e instanceof NotAllowedException notAllowed ? notAllowed.detail()
        : e.getMissingAuthorizations().isEmpty() ? RequestTexts.text("detail.asItIs", e.getMessage())
        : RequestTexts.text("detail.forbidden.missing", e.getMissingAuthorizations().stream()
            .map(missing -> missing.getViolatedPermissionName() + " " + missing.getResourceType()
                + (missing.getResourceId() == null ? "" : " '" + missing.getResourceId() + "'"))
            .collect(Collectors.joining(", ")));
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(withDetail("api.forbidden", detail, locale));
  }

  @ExceptionHandler(IdempotencyKeys.KeyReusedException.class)
  ResponseEntity<Map<String, Object>> keyReused(IdempotencyKeys.KeyReusedException e, Locale locale) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(withDetail("api.keyReused", e.detail(), locale));
  }

  /**
   * In English the detail alone, which names what was wrong; in another language the translated kind of refusal as
   * the message and the detail in that language.
   */
  private Map<String, Object> withDetail(String kindKey, MessageSourceResolvable detail, Locale locale) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (Locale.ENGLISH.getLanguage().equals(locale.getLanguage())) {
      body.put("message", errors.text(detail, locale));
    } else {
      body.put("message", text(kindKey, locale));
      body.put("detail", errors.text(detail, locale));
    }
    return body;
  }

  private String text(String key, Locale locale) {
    return errors.text(key, locale);
  }
}
