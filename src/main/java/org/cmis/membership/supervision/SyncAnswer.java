package org.cmis.membership.supervision;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The answer to a batch (API.md): how many applied, how many ignored, and each rejected event. */
@Schema(name = "SupervisionSyncAnswer")
record SyncAnswer(int accepted, int ignored, List<Rejection> rejected) {

  /** A rejected event: its id (null when it had none), code and reason. */
  @Schema(name = "SupervisionSyncRejection")
  record Rejection(@Nullable String eventId, String code, String message) {}
}
