package org.cmis.web.openapi;

import static org.cmis.shared.ErrorCode.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.cmis.shared.ErrorCode;

/**
 * What the generic rules of {@link ApiDocumentation} cannot see: the operations that answer 201,
 * the public ones, and the refusals particular to an operation (API.md). Keys are {@code "METHOD
 * path"} as the document names them.
 */
final class OperationProblems {

  private OperationProblems() {}

  /** The operations that answer 201 Created (the others 200, or 204 where they say so). */
  static final Set<String> CREATED =
      Set.of(
          "POST /api/v1/classes",
          "POST /api/v1/classes/{id}/registrations",
          "POST /api/v1/admin/staff-accounts",
          "POST /api/v1/password-reset-applications",
          "POST /api/v1/firms/{firmNo}/practitioners",
          "POST /api/v1/members/{memberNo}/certificates",
          "POST /api/v1/members/{memberNo}/hours",
          "POST /api/v1/hour-entries/{id}/reverse",
          "POST /api/v1/claims",
          "POST /api/v1/claims/{id}/evidence",
          "POST /api/v1/check-ins");

  /**
   * Operations that may also answer 200 besides 201: a firm's or staff's registration of people, a
   * check-in already made.
   */
  static final Set<String> CREATED_OR_OK =
      Set.of("POST /api/v1/classes/{id}/registrations", "POST /api/v1/check-ins");

  /** The operations that answer 204 No Content. */
  static final Set<String> NO_CONTENT = Set.of("DELETE /api/v1/auth/token");

  /** Public operations: no bearer token (the supervision sync is HMAC-signed instead). */
  static boolean isPublic(String method, String path) {
    String key = method + " " + path;
    return key.equals("POST /api/v1/auth/token")
        || key.equals("GET /api/v1/certificates/{code}")
        || key.equals("POST /api/v1/password-reset-applications")
        || key.equals("GET /api/v1/password-reset-applications/{trackingNumber}")
        || path.startsWith("/api/v1/integration/");
  }

  /** The refusals particular to an operation, added to the generic ones. */
  static final Map<String, Set<ErrorCode>> SPECIFIC =
      Map.ofEntries(
          Map.entry(
              "POST /api/v1/auth/token",
              EnumSet.of(BAD_CREDENTIALS, ACCOUNT_LOCKED, TOO_MANY_ATTEMPTS)),
          Map.entry(
              "POST /api/v1/classes/{id}/registrations",
              EnumSet.of(
                  REGISTRATION_CLOSED,
                  CLASS_NOT_OPEN,
                  CLASS_CANCELLED,
                  EXTERNAL_CLASS,
                  CLASS_FULL,
                  ALREADY_REGISTERED,
                  NOT_ELIGIBLE,
                  NOT_IN_FIRM,
                  INVALID_CONTACT)),
          Map.entry(
              "POST /api/v1/registrations/{id}/confirm",
              EnumSet.of(CAPACITY_REACHED, INVALID_STATE)),
          Map.entry(
              "POST /api/v1/classes/{id}/registrations/confirm",
              EnumSet.of(CLASS_CANCELLED, INVALID_STATE)),
          Map.entry(
              "POST /api/v1/registrations/{id}/cancel",
              EnumSet.of(CANCELLATION_CLOSED, INVALID_STATE)),
          Map.entry(
              "POST /api/v1/registrations/{id}/non-attendance",
              EnumSet.of(CANCELLATION_CLOSED, INVALID_STATE)),
          Map.entry("POST /api/v1/registrations/{id}/reject", EnumSet.of(INVALID_STATE)),
          Map.entry("PATCH /api/v1/classes/{id}", EnumSet.of(BELOW_TAKEN, INVALID_STATE)),
          Map.entry("POST /api/v1/classes/{id}/cancel", EnumSet.of(INVALID_STATE)),
          Map.entry("POST /api/v1/check-ins", EnumSet.of(CHECK_IN_CLOSED, TRAINING_NOT_STARTED)),
          Map.entry(
              "POST /api/v1/registrations/{id}/attendance",
              EnumSet.of(TRAINING_NOT_STARTED, INVALID_STATE)),
          Map.entry(
              "POST /api/v1/classes/{id}/attendance",
              EnumSet.of(TRAINING_NOT_STARTED, INVALID_STATE)),
          Map.entry("POST /api/v1/claims", EnumSet.of(CLAIM_CAP_REACHED, DUPLICATE_CLAIM)),
          Map.entry(
              "POST /api/v1/claims/{id}/submit",
              EnumSet.of(EVIDENCE_REQUIRED, CLAIM_CAP_REACHED, INVALID_STATE)),
          Map.entry(
              "POST /api/v1/imports/members",
              EnumSet.of(PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, UNKNOWN_FIRM)),
          Map.entry(
              "POST /api/v1/imports/firms",
              EnumSet.of(PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, UNKNOWN_INSTITUTE)),
          Map.entry(
              "POST /api/v1/password-reset-applications",
              EnumSet.of(PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, TOO_MANY_ATTEMPTS, BAD_FILE)),
          Map.entry("GET /api/v1/certificates/{code}", EnumSet.of(TOO_MANY_ATTEMPTS)),
          Map.entry(
              "POST /api/v1/members/{memberNo}/hours", EnumSet.of(UNKNOWN_MEMBER, INVALID_STATE)),
          Map.entry("POST /api/v1/hour-entries/{id}/reverse", EnumSet.of(INVALID_STATE)),
          Map.entry(
              "POST /api/v1/integration/supervision/events",
              EnumSet.of(BAD_SIGNATURE, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE)));

  /** Example request bodies of the main operations. */
  static final Map<String, String> EXAMPLES =
      Map.of(
          "POST /api/v1/auth/token",
          """
          {"userType": "MEMBER", "account": "440300010001", "password": "Demo@2026"}""",
          "POST /api/v1/classes/{id}/registrations",
          """
          {"mobile": "13800138000", "email": "member@example.cn", "waitlist": false}""",
          "POST /api/v1/classes",
          """
          {"name": "2026年职业道德专题培训", "audiences": ["PRACTISING_CPA"], "mode": "ON_SITE",
           "location": "深圳", "hours": 8.0, "ethicsHours": 2.0,
           "registrationStart": "2026-11-01", "registrationEnd": "2026-11-20",
           "trainingStart": "2026-12-01", "trainingEnd": "2026-12-02",
           "capacity": 300, "maxRegistrations": 320, "confirmationMode": "MANUAL",
           "waitlistEnabled": false, "published": true}""");
}
