package org.cmis.membership.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.cmis.shared.CmisException;
import org.cmis.shared.ErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/integration/supervision/events} (API.md, F2.4). No token: the signature is
 * the authentication, checked on the raw bytes of the body before anything is read from them; the
 * JSON is then parsed from those same bytes. Bad or missing signature, or a timestamp more than 300
 * s away → 401 BAD_SIGNATURE; a body that is not {@code {"events": [...]}} → 400; not 1 to 1000
 * events → 422; nothing applied in any of these.
 */
@RestController
@Tag(name = "Supervision sync", description = "Signed member and firm events of the platform")
class SupervisionSyncController {

  static final String PATH = "/api/v1/integration/supervision/events";
  static final String TIMESTAMP = "X-Cmis-Timestamp";
  static final String SIGNATURE = "X-Cmis-Signature";
  static final int MAX_EVENTS = 1000;

  private final SyncSecret secret;
  private final SupervisionSync sync;
  private final JsonMapper json;
  private final Clock clock;

  SupervisionSyncController(SyncSecret secret, SupervisionSync sync, JsonMapper json, Clock clock) {
    this.secret = secret;
    this.sync = sync;
    this.json = json;
    this.clock = clock;
  }

  @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
  @SecurityRequirements
  @Operation(
      summary =
          "Apply a signed batch of 1 to 1000 MEMBER_UPSERT, FIRM_UPSERT, MEMBER_TRANSFER events",
      description =
          "X-Cmis-Signature: lower-case hex HMAC-SHA256 of timestamp + \".\" + raw body with the"
              + " shared secret (cmis.integration.supervision.secret); X-Cmis-Timestamp: Unix"
              + " seconds, within 300 s of now. Each event is applied or rejected alone; a"
              + " repeated eventId or a version not newer than the stored one is ignored.")
  SyncAnswer events(
      @Parameter(description = "Unix seconds") @RequestHeader(name = TIMESTAMP, required = false)
          @Nullable String timestamp,
      @Parameter(description = "lower-case hex HMAC-SHA256")
          @RequestHeader(name = SIGNATURE, required = false)
          @Nullable String signature,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON_VALUE,
                      examples =
                          @ExampleObject(
                              value =
                                  "{\"events\": [{\"eventId\": \"e-1\", \"type\": \"MEMBER_UPSERT\","
                                      + " \"version\": 12, \"occurredAt\":"
                                      + " \"2026-12-01T10:00:00+08:00\", \"data\": {\"memberNo\":"
                                      + " \"440300010001\", \"name\": \"张三\", \"gender\": \"M\","
                                      + " \"birthDate\": \"1980-01-01\", \"category\":"
                                      + " \"PRACTISING_CPA\", \"firmNo\": \"44030001\","
                                      + " \"position\": \"审计员\", \"mobile\": \"13800000000\","
                                      + " \"email\": \"a@example.cn\"}}]}")))
          @RequestBody(required = false)
          byte @Nullable [] body) {
    byte[] raw = body == null ? new byte[0] : body;
    if (!SyncSignature.valid(
        secret.current().orElse(null), timestamp, signature, raw, clock.instant())) {
      throw new CmisException(ErrorCode.BAD_SIGNATURE, "error.BAD_SIGNATURE");
    }
    List<JsonNode> events = events(raw);
    if (events.isEmpty() || events.size() > MAX_EVENTS) {
      throw SupervisionSync.countRefusal();
    }
    return sync.apply(events);
  }

  /** The events of {@code {"events": [...]}}, else 400 MALFORMED_REQUEST. */
  private List<JsonNode> events(byte[] raw) {
    JsonNode root;
    try {
      root = raw.length == 0 ? null : json.readTree(raw);
    } catch (JacksonException e) {
      root = null;
    }
    JsonNode list = root != null && root.isObject() ? root.get("events") : null;
    if (list == null || !list.isArray()) {
      throw new CmisException(ErrorCode.MALFORMED_REQUEST, "error.MALFORMED_REQUEST");
    }
    List<JsonNode> events = new ArrayList<>(list.size());
    list.values().forEach(events::add);
    return events;
  }
}
