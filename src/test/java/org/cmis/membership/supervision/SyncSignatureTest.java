package org.cmis.membership.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The signature check of the sync (API.md): right, wrong, stale, future, missing. */
class SyncSignatureTest {

  static final String SECRET = "s3cret";
  static final byte[] BODY = "{\"events\": []}".getBytes(StandardCharsets.UTF_8);
  static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
  static final String TS = "1800000000";

  @Test
  void aKnownVector() {
    // printf '1800000000.{"events": []}' | openssl dgst -sha256 -hmac s3cret
    assertThat(SyncSignature.sign(SECRET, TS, BODY))
        .isEqualTo("db89452feb12c93c688b96aef416d14e30aeb71123118d16b79a9595f8dfdb89");
  }

  @Test
  void theRightSignatureWithinTheWindowPasses() {
    String sig = SyncSignature.sign(SECRET, TS, BODY);
    assertThat(SyncSignature.valid(SECRET, TS, sig, BODY, NOW)).isTrue();
    assertThat(SyncSignature.valid(SECRET, TS, sig, BODY, NOW.plusSeconds(300))).isTrue();
    assertThat(SyncSignature.valid(SECRET, TS, sig, BODY, NOW.minusSeconds(300))).isTrue();
  }

  @Test
  void aWrongSignatureFails() {
    String sig = SyncSignature.sign(SECRET, TS, BODY);
    assertThat(SyncSignature.valid("other", TS, sig, BODY, NOW)).isFalse();
    assertThat(SyncSignature.valid(SECRET, TS, sig.toUpperCase(), BODY, NOW)).isFalse();
    assertThat(SyncSignature.valid(SECRET, TS, sig.substring(1), BODY, NOW)).isFalse();
    assertThat(SyncSignature.valid(SECRET, TS, sig + "0", BODY, NOW)).isFalse();
    assertThat(
            SyncSignature.valid(
                SECRET, TS, sig, "{\"events\":[]}".getBytes(StandardCharsets.UTF_8), NOW))
        .isFalse();
    // the timestamp is signed too
    assertThat(SyncSignature.valid(SECRET, "1800000001", sig, BODY, NOW)).isFalse();
  }

  @Test
  void aStaleOrFutureTimestampFails() {
    String sig = SyncSignature.sign(SECRET, TS, BODY);
    assertThat(SyncSignature.valid(SECRET, TS, sig, BODY, NOW.plusSeconds(301))).isFalse();
    assertThat(SyncSignature.valid(SECRET, TS, sig, BODY, NOW.minusSeconds(301))).isFalse();
  }

  @Test
  void missingOrMalformedPartsFail() {
    String sig = SyncSignature.sign(SECRET, TS, BODY);
    assertThat(SyncSignature.valid(SECRET, null, sig, BODY, NOW)).isFalse();
    assertThat(SyncSignature.valid(SECRET, TS, null, BODY, NOW)).isFalse();
    assertThat(SyncSignature.valid(null, TS, sig, BODY, NOW)).isFalse();
    assertThat(SyncSignature.valid("", TS, sig, BODY, NOW)).isFalse();
    assertThat(SyncSignature.valid(SECRET, "", sig, BODY, NOW)).isFalse();
    assertThat(SyncSignature.valid(SECRET, "-1800000000", sig, BODY, NOW)).isFalse();
    assertThat(SyncSignature.valid(SECRET, "1800000000.0", sig, BODY, NOW)).isFalse();
    assertThat(SyncSignature.valid(SECRET, "99999999999999999999", sig, BODY, NOW)).isFalse();
    assertThat(SyncSignature.valid(SECRET, TS, "", BODY, NOW)).isFalse();
  }
}
