package org.itops.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.itops.platform.LimitExceededException;

/**
 * What a file is, read once from its first to its last byte: its size, its SHA-256 and its content type. The type is
 * told from the bytes alone, never from the file's name or the type its sender declared: the magic numbers of PNG,
 * JPEG, GIF, PDF and ZIP (Office documents are ZIP files), else plain text when every byte is UTF-8 text, else
 * {@code application/octet-stream}. So a web page renamed to .png is plain text, and is served as such.
 */
record Inspection(long size, String sha256, String contentType) {

  static final String TEXT = "text/plain";
  static final String BINARY = "application/octet-stream";

  private static final Map<String, byte[]> MAGIC_NUMBERS = new LinkedHashMap<>();

  static {
    MAGIC_NUMBERS.put("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    MAGIC_NUMBERS.put("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
    MAGIC_NUMBERS.put("image/gif", new byte[] {'G', 'I', 'F', '8'});
    MAGIC_NUMBERS.put("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'});
    MAGIC_NUMBERS.put("application/zip", new byte[] {'P', 'K', 3, 4});
  }

  /**
   * Reads the stream to its end, or refuses it as soon as it is longer than {@code maxBytes}.
   *
   * @throws LimitExceededException when the file is larger than {@code maxBytes}
   */
  static Inspection of(InputStream in, long maxBytes) throws IOException {
    MessageDigest sha256 = digest();
    Utf8Text text = new Utf8Text();
    byte[] head = new byte[8];
    byte[] buffer = new byte[64 * 1024];
    long size = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      if (size < head.length) {
        System.arraycopy(buffer, 0, head, (int) size, (int) Math.min(n, head.length - size));
      }
      size += n;
      if (size > maxBytes) {
        throw new LimitExceededException("api.fileTooLarge", maxBytes, "file", "api.tooLarge.reason", maxBytes);
      }
      sha256.update(buffer, 0, n);
      text.update(buffer, n);
    }
    return new Inspection(size, HexFormat.of().formatHex(sha256.digest()), typeOf(head, size, text.isText()));
  }

  private static String typeOf(byte[] head, long size, boolean text) {
    for (Map.Entry<String, byte[]> magic : MAGIC_NUMBERS.entrySet()) {
      byte[] number = magic.getValue();
      if (size >= number.length && Arrays.equals(head, 0, number.length, number, 0, number.length)) {
        return magic.getKey();
      }
    }
    return size > 0 && text ? TEXT : BINARY;
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /**
   * Whether bytes are well-formed UTF-8 (Unicode table 3-7: no overlong forms, no surrogates) without control
   * characters other than tab, line and form feed, and carriage return.
   */
  private static final class Utf8Text {
    private boolean text = true;
    private int continuations;
    private int lowest = 0x80;
    private int highest = 0xbf;

    void update(byte[] bytes, int length) {
      for (int i = 0; i < length && text; i++) {
        int b = bytes[i] & 0xff;
        if (continuations > 0) {
          text = b >= lowest && b <= highest;
          lowest = 0x80;
          highest = 0xbf;
          continuations--;
        } else if (b < 0x80) {
          text = b >= 0x20 || b == '\t' || b == '\n' || b == '\r' || b == '\f';
        } else if (b >= 0xc2 && b <= 0xdf) {
          continuations = 1;
        } else if (b >= 0xe0 && b <= 0xef) {
          continuations = 2;
          lowest = b == 0xe0 ? 0xa0 : 0x80;
          highest = b == 0xed ? 0x9f : 0xbf;
        } else if (b >= 0xf0 && b <= 0xf4) {
          continuations = 3;
          lowest = b == 0xf0 ? 0x90 : 0x80;
          highest = b == 0xf4 ? 0x8f : 0xbf;
        } else {
          text = false;
        }
      }
    }

    boolean isText() {
      return text && continuations == 0;
    }
  }
}
