package org.cmis.membership.supervision;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The signature of a sync request (API.md): {@code X-Cmis-Signature} is the lower-case hex
 * HMAC-SHA256 of {@code timestamp + "." + rawBody} with the shared secret, {@code X-Cmis-Timestamp}
 * Unix seconds at most {@value #WINDOW_SECONDS} s away from now in either direction. The comparison
 * takes the same time whatever the signature sent.
 */
final class SyncSignature {

  static final long WINDOW_SECONDS = 300;
  static final Duration WINDOW = Duration.ofSeconds(WINDOW_SECONDS);
  private static final int MAX_TIMESTAMP_LENGTH = 19;
  private static final String ALGORITHM = "HmacSHA256";

  private SyncSignature() {}

  /** Whether the request is signed with the secret within the window; any doubt is a no. */
  static boolean valid(
      @Nullable String secret,
      @Nullable String timestamp,
      @Nullable String signature,
      byte[] body,
      Instant now) {
    if (secret == null || secret.isEmpty() || timestamp == null || signature == null) {
      return false;
    }
    if (timestamp.isEmpty()
        || timestamp.length() > MAX_TIMESTAMP_LENGTH
        || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - seconds) > WINDOW_SECONDS) {
      return false;
    }
    byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signature.getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, given);
  }

  /** The lower-case hex signature of a body at a timestamp. */
  static String sign(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '.');
      mac.update(body);
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
