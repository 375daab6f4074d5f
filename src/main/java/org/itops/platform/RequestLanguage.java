package org.itops.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Notes on every request the language of its answers ({@link LanguageConfiguration}: Accept-Language, else the
 * suite's), so that a refusal answered by Camunda's REST APIs (the webapps' one too, which Tasklist uses) is worded
 * in it: they answer with the exception's message ({@link InvalidRequestException#getMessage()}), made where the
 * request is on the thread (Spring's request context).
 */
class RequestLanguage extends OncePerRequestFilter {

  private static final String ATTRIBUTE = RequestLanguage.class.getName();

  private final ApiErrors errors;

  RequestLanguage(ApiErrors errors) {
    this.errors = errors;
  }

  /** The language of the answers to the request on this thread, if one is being served. */
  static Optional<Locale> ofCurrentRequest() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
        && request.getRequest().getAttribute(ATTRIBUTE) instanceof Locale language
        ? Optional.of(language) : Optional.empty();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    request.setAttribute(ATTRIBUTE, errors.language(request));
    chain.doFilter(request, response);
  }
}
