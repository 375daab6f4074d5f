package org.itops.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.itops.platform.InvalidRequestException.FieldError;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies larger than the limit with 413 and the reason, before anything reads them: a declared length
 * over the limit at once, a chunked body when the reading passes the limit. Multipart bodies (deployments from
 * Camunda Modeler, attachments) have a limit of their own: the largest upload ({@link UploadLimits}) and its
 * framing; the servlet container parses our API's uploads itself, past this filter's reading, with the same limit.
 * Bodies for the engine API are read whole here (they are small), so that a chunked body over the limit is refused
 * before the engine's REST API could answer it otherwise.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

  /** Thrown while reading a body that turns out too large; answered with 413. */
  static class BodyTooLargeException extends IOException {
    private final long limit;

    BodyTooLargeException(long limit) {
      super("The body is larger than " + limit + " bytes");
      this.limit = limit;
    }

    long limit() {
      return limit;
    }
  }

  private final ApiErrors errors;
  private final long maxBytes;
  private final long maxUploadBytes;

  RequestBodyLimitFilter(ApiErrors errors, long maxBytes, long maxUploadBytes) {
    this.errors = errors;
    this.maxBytes = maxBytes;
    this.maxUploadBytes = maxUploadBytes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String contentType = request.getContentType();
    boolean multipart = contentType != null && contentType.toLowerCase().startsWith("multipart/");
    // the limit that the answer names: the largest file of an upload, though its framing may add a little
    long limit = multipart ? maxUploadBytes : maxBytes;
    long bodyLimit = multipart ? maxUploadBytes + UploadLimits.MULTIPART_FRAMING_BYTES : maxBytes;
    if (request.getContentLengthLong() > bodyLimit) {
      tooLarge(request, response, limit);
      return;
    }
    HttpServletRequest limited = new LimitedRequest(request, bodyLimit, limit);
    try {
      if (EngineApiGuard.enginePath(request) != null && !isForm(contentType)) {
        limited = new BufferedRequest(request, limited.getInputStream().readAllBytes());
      }
      chain.doFilter(limited, response);
    } catch (BodyTooLargeException e) {
      if (!response.isCommitted()) {
        response.reset();
        tooLarge(request, response, limit);
      }
    }
  }

  /** A form post is read as parameters by the servlet container: it must stay unread here. */
  private static boolean isForm(String contentType) {
    return contentType != null && contentType.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
  }

  private void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
    ApiErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
        tooLarge(errors, errors.language(request), limit));
  }

  /** The answer to a body over the limit, here or in our API's handler when the reading passed the limit. */
  static Map<String, Object> tooLarge(ApiErrors errors, Locale language, long limit) {
    return errors.body(language, "api.tooLarge", List.of(new FieldError("body", "api.tooLarge.reason", limit)), limit);
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long maxBytes;
    private final long namedLimit;

    LimitedRequest(HttpServletRequest request, long maxBytes, long namedLimit) {
      super(request);
      this.maxBytes = maxBytes;
      this.namedLimit = namedLimit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0 && ++read > maxBytes) {
            throw new BodyTooLargeException(namedLimit);
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = in.read(buffer, offset, length);
          if (n > 0 && (read += n) > maxBytes) {
            throw new BodyTooLargeException(namedLimit);
          }
          return n;
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
