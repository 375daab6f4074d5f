package org.itops.attachment;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.itops.platform.CurrentUser;
import org.itops.platform.IdempotencyKeys;
import org.itops.platform.NotAllowedException;
import org.itops.platform.NotFoundException;
import org.itops.platform.ReadRules;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/<records>/{number}/attachments}: upload (multipart, part {@code file}), list and download the
 * attachments of a record, for whoever reads the record in full and for whom its kind lets do less
 * ({@link AttachingRecords.Access}); for anybody else the record does not exist (404).
 */
@RestController
@RequestMapping("/api/{records:incidents|demands|changes|security-incidents|knowledge|audits}/{number}/attachments")
class AttachmentController {

  private final Attachments attachments;
  private final ReadRules readRules;
  private final IdempotencyKeys idempotencyKeys;
  private final CurrentUser currentUser;

  AttachmentController(Attachments attachments, ReadRules readRules, IdempotencyKeys idempotencyKeys,
      CurrentUser currentUser) {
    this.attachments = attachments;
    this.readRules = readRules;
    this.idempotencyKeys = idempotencyKeys;
    this.currentUser = currentUser;
  }

  /**
   * Stores the file. The multipart body is on a temporary file of the servlet container by now (UploadLimits), read
   * from there twice: to inspect it, then into the database.
   */
  @PostMapping
  ResponseEntity<Attachments.Summary> upload(@PathVariable String records, @PathVariable String number,
      @RequestPart("file") MultipartFile file,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    AttachingRecords.Access access = access(records, number);
    if (access == AttachingRecords.Access.READ) {
      throw new NotAllowedException("detail.forbidden.attachFiles", number);
    }
    String fileName = file.getOriginalFilename();
    Inspection inspection = attachments.inspect(file::getInputStream);
    IdempotencyKeys.Created created = idempotencyKeys.createOnce("attachment", currentUser.id(), idempotencyKey,
        idempotencyKeys.fingerprint(List.of(number, String.valueOf(fileName), inspection.sha256())),
        () -> attachments.store(number, fileName, file::getInputStream, inspection, currentUser.id()).id());
    Attachments.Summary stored = attachments.summary(attachments.find(number, created.recordNumber()).orElseThrow());
    return created.answer(stored.download(), stored);
  }

  @GetMapping
  Map<String, Object> list(@PathVariable String records, @PathVariable String number) {
    AttachingRecords.Access access = access(records, number);
    return Map.of("items", attachments.of(number).stream()
        .filter(summary -> access != AttachingRecords.Access.ADD_OWN || isOwn(summary.uploadedBy())).toList());
  }

  /**
   * The content, always as a download: the browser saves it under its name and never renders it in the suite's
   * origin (nor guesses another type than the one detected from its bytes).
   */
  @GetMapping("/{id}")
  void download(@PathVariable String records, @PathVariable String number, @PathVariable String id,
      HttpServletResponse response) throws IOException {
    AttachingRecords.Access access = access(records, number);
    Attachment attachment = attachments.find(number, id)
        .filter(found -> access != AttachingRecords.Access.ADD_OWN || isOwn(found.uploadedBy()))
        .orElseThrow(() -> new NotFoundException("detail.notFound.attachment", id, number));
    response.setContentType(Inspection.TEXT.equals(attachment.contentType())
        ? Inspection.TEXT + ";charset=UTF-8" : attachment.contentType());
    response.setContentLengthLong(attachment.sizeBytes());
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(attachment.fileName()));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
    attachments.copyContent(attachment.id(), response.getOutputStream());
  }

  /**
   * What the current user may do with the record's attachments: everything when they read the record in full, else
   * what its kind allows them; "not found" when that is nothing, as for the record itself.
   */
  private AttachingRecords.Access access(String records, String number) {
    AttachingRecords kind = attachments.kindAt(records).orElseThrow();
    if (!number.startsWith(kind.prefix() + "-") || !kind.exists().test(number)) {
      throw new NotFoundException("detail.notFound.record", number);
    }
    AttachingRecords.Access access = readRules.reads(number) ? AttachingRecords.Access.FULL
        : kind.otherwise().apply(number);
    if (access == AttachingRecords.Access.NONE) {
      throw new NotFoundException("detail.notFound.record", number);
    }
    return access;
  }

  private boolean isOwn(String uploadedBy) {
    return uploadedBy.equals(currentUser.id());
  }

  /**
   * {@code attachment} with the file's name as typed (RFC 6266: {@code filename*} in UTF-8, RFC 5987) and, for
   * clients that know only {@code filename}, the name with every character outside printable ASCII as {@code _}.
   */
  static String contentDisposition(String fileName) {
    StringBuilder ascii = new StringBuilder();
    fileName.chars().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
    StringBuilder encoded = new StringBuilder();
    for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
