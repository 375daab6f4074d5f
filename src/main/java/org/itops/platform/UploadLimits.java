package org.itops.platform;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The largest uploaded file, {@code itops.api.max-upload-bytes}: a deployment from Camunda Modeler or an attachment.
 * The one source of the limit for the body filter ({@link RequestBodyLimitFilter}), the servlet container's multipart
 * parsing (below) and the attachments' own limit (which may be lower, never higher).
 */
@Configuration(proxyBeanMethods = false)
public class UploadLimits {

  public static final String MAX_UPLOAD_BYTES = "${itops.api.max-upload-bytes:10485760}";

  /** What a multipart body carries besides its file (boundaries, part headers): a file of the limit still fits. */
  static final long MULTIPART_FRAMING_BYTES = 64 * 1024;

  /**
   * Spring's multipart parsing (of our API's uploads) with the limit; a size threshold of 0 makes the container write
   * each file to a temporary file as it arrives, so that no upload is held in memory. Replaces Spring Boot's
   * {@code spring.servlet.multipart} limits (1 MiB per file by default).
   */
  @Bean
  MultipartConfigElement multipartConfigElement(@Value(MAX_UPLOAD_BYTES) long maxUploadBytes) {
    return new MultipartConfigElement(null, maxUploadBytes, maxUploadBytes + MULTIPART_FRAMING_BYTES, 0);
  }
}
