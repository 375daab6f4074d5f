package org.itops.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures: of the links the suite mails (a survey, a page to acknowledge), so that a changed link is
 * refused, and of the bodies it sends to webhooks, so that the receiver knows they come from the suite.
 */
public final class Hmac {

  /** The signature of the text with the secret, URL-safe Base64 without padding (for links). */
  public static String forLink(String secret, String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sign(secret, text));
  }

  /** The signature of the text with the secret, lower-case hex (for {@code sha256=<hex>} headers). */
  public static String hex(String secret, String text) {
    return HexFormat.of().formatHex(sign(secret, text));
  }

  /** Whether the link signature is the text's, compared in constant time. */
  public static boolean isLinkSignature(String secret, String text, String signature) {
    return signature != null && MessageDigest.isEqual(forLink(secret, text).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] sign(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private Hmac() {}
}
