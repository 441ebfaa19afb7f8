package org.cmis.shared;

/** The stable error codes of the JSON API (API.md, Error codes), each with its HTTP status. */
public enum ErrorCode {
  MALFORMED_REQUEST(400),
  UNAUTHENTICATED(401),
  BAD_CREDENTIALS(401),
  BAD_SIGNATURE(401),
  FORBIDDEN(403),
  NOT_FOUND(404),
  METHOD_NOT_ALLOWED(405),
  REGISTRATION_CLOSED(409),
  CLASS_NOT_OPEN(409),
  CLASS_CANCELLED(409),
  EXTERNAL_CLASS(409),
  CLASS_FULL(409),
  ALREADY_REGISTERED(409),
  NOT_ELIGIBLE(409),
  NOT_IN_FIRM(409),
  INVALID_CONTACT(409),
  CAPACITY_REACHED(409),
  INVALID_STATE(409),
  CANCELLATION_CLOSED(409),
  BELOW_TAKEN(409),
  TRAINING_NOT_STARTED(409),
  CHECK_IN_CLOSED(409),
  PAYLOAD_TOO_LARGE(413),
  UNSUPPORTED_MEDIA_TYPE(415),
  VALIDATION_FAILED(422),
  IDEMPOTENCY_KEY_REUSED(422),
  UNKNOWN_FIRM(422),
  UNKNOWN_MEMBER(422),
  UNKNOWN_INSTITUTE(422),
  ACCOUNT_LOCKED(423),
  TOO_MANY_ATTEMPTS(429),
  BUSY(503),
  // issue 14: output-based hour claims (产出法形式学时) and their evidence
  CLAIM_CAP_REACHED(409),
  DUPLICATE_CLAIM(409),
  EVIDENCE_REQUIRED(422),
  BAD_FILE(422);

  private final int status;

  ErrorCode(int status) {
    this.status = status;
  }

  /** The HTTP status that carries this code. */
  public int status() {
    return status;
  }

  /** The message key of this code's human-readable title. */
  public String titleKey() {
    return "error." + name();
  }
}
