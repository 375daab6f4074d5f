package org.itops.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.itops.platform.InvalidRequestException.FieldError;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The words of refused requests, for every place that answers one: our API's handler ({@link ApiExceptionHandler})
 * and the servlet filters that answer before it ({@link RestAuthenticationFilter}, {@link RequestBodyLimitFilter},
 * {@link EngineApiGuard}); Camunda's REST APIs answer with the exception's message ({@link RequestLanguage}). The
 * language is the request's Accept-Language, else the suite's ({@link LanguageConfiguration}); the texts are in
 * {@code i18n/messages*.properties}. The body is {@code {"message": ..., "errors": [{"field": ..., "reason": ...}]}}.
 */
@Component
class ApiErrors {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MessageSource messages;
  private final LocaleResolver languages;

  ApiErrors(MessageSource messages, LocaleResolver languages) {
    this.messages = messages;
    this.languages = languages;
  }

  /** The language of the answers to the request. */
  Locale language(HttpServletRequest request) {
    return languages.resolveLocale(request);
  }

  String text(String key, Locale language, Object... arguments) {
    return messages.getMessage(key, arguments, language);
  }

  String text(MessageSourceResolvable text, Locale language) {
    return messages.getMessage(text, language);
  }

  /** The refused fields, each with its reason in the language. */
  List<Map<String, String>> fields(List<FieldError> errors, Locale language) {
    return errors.stream().map(error -> Map.of("field", error.field(), "reason", error.reason(messages, language)))
        .toList();
  }

  /** The body of a refusal: the message of the key and the refused fields. */
  Map<String, Object> body(Locale language, String messageKey, List<FieldError> errors, Object... arguments) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", text(messageKey, language, arguments));
    body.put("errors", fields(errors, language));
    return body;
  }

  /** Writes the body as the answer of a filter. */
  static void write(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.writeValueAsString(body));
  }
}
