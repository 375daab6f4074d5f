package org.itops.platform;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** How our {@code /api} answers refused requests: a status and a JSON body that says what was wrong. */
@RestControllerAdvice(basePackages = "org.itops")
class ApiExceptionHandler {

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidRequestException e) {
    return ResponseEntity.badRequest().body(Map.of(
        "message", "The request has invalid fields; nothing was created or changed.",
        "errors", e.errors().stream().map(error -> Map.of("field", error.field(), "reason", error.reason())).toList()));
  }

  /** A rule of a task listener or delegate refused the input; the engine wraps what listeners throw. */
  @ExceptionHandler(ProcessEngineException.class)
  ResponseEntity<Map<String, Object>> engine(ProcessEngineException e) {
    Throwable cause = e;
    while (cause != null && !(cause instanceof InvalidRequestException)) {
      cause = cause.getCause();
    }
    if (cause == null) {
      throw e;
    }
    return invalid((InvalidRequestException) cause);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("message", tooLarge.getMessage()
            + "; nothing was created or changed.", "errors", List.of(Map.of("field", "body", "reason", "too large"))));
      }
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnrecognizedPropertyException unknown) {
        return invalid(new InvalidRequestException(unknown.getPropertyName(), "is not a field of this request; it"
            + " takes " + unknown.getKnownPropertyIds()));
      }
    }
    return ResponseEntity.badRequest().body(Map.of(
        "message", "The body is not the JSON this endpoint expects; nothing was created or changed.",
        "errors", List.of(Map.of("field", "body", "reason", "malformed JSON or wrong type of a value"))));
  }

  @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingRequestHeaderException.class})
  ResponseEntity<Map<String, Object>> badParameter(Exception e) {
    return ResponseEntity.badRequest().body(Map.of("message", e.getMessage(), "errors", List.of()));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(Map.of("message",
        "Send the body as application/json"));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, Object>> forbidden(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(IdempotencyKeys.KeyReusedException.class)
  ResponseEntity<Map<String, Object>> keyReused(IdempotencyKeys.KeyReusedException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", e.getMessage()));
  }
}
