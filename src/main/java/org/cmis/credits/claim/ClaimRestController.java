package org.cmis.credits.claim;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.Role;
import org.cmis.shared.upload.Upload;
import org.cmis.shared.web.ClientAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 产出法形式学时 in the API (ISSUE 14, point 7). Error codes beside those of API.md: CLAIM_CAP_REACHED
 * (409: the year's cap of the type is used up), DUPLICATE_CLAIM (409: the same work was claimed
 * before; the detail names the earlier claim), EVIDENCE_REQUIRED (422: the type's evidence is
 * missing), BAD_FILE (422: an evidence file is not a PDF, JPG or PNG by content, is over 5 MB or
 * empty, or more than 10 files); INVALID_STATE (409) for an action the claim's status does not
 * allow.
 */
@RestController
@Validated
@Tag(
    name = "Claims",
    description =
        "产出法形式学时: output-based hour claims, evidence, review. Codes: VALIDATION_FAILED,"
            + " CLAIM_CAP_REACHED, DUPLICATE_CLAIM, EVIDENCE_REQUIRED, BAD_FILE, INVALID_STATE,"
            + " NOT_FOUND, FORBIDDEN, BUSY")
class ClaimRestController {

  private final Claims claims;
  private final ClaimTypes types;

  ClaimRestController(Claims claims, ClaimTypes types) {
    this.claims = claims;
    this.types = types;
  }

  /** A claim's body; JSON types are checked by Jackson (a wrong one is a 400). */
  record ClaimBody(
      @Nullable String type,
      @Nullable String title,
      @Nullable String workDate,
      @Nullable String description,
      @Nullable String identifier,
      @Nullable BigDecimal units,
      @Nullable Integer authors,
      @Nullable BigDecimal hoursClaimed) {

    ClaimInput input() {
      return new ClaimInput(
          type,
          title,
          workDate,
          description,
          identifier,
          units == null ? null : units.toPlainString(),
          authors == null ? null : authors.toString(),
          hoursClaimed == null ? null : hoursClaimed.toPlainString());
    }
  }

  /** A claim type's body (the code is the path's). */
  record TypeBody(
      @Nullable String name,
      @Nullable String mode,
      @Nullable BigDecimal hoursPerUnit,
      @Nullable String unitLabel,
      @Nullable BigDecimal maxPerClaim,
      @Nullable BigDecimal yearlyCap,
      @Nullable String identifierLabel,
      @Nullable Boolean identifierRequired,
      @Nullable String evidenceHint,
      @Nullable Integer minEvidence,
      @Nullable List<String> conditions,
      @Nullable Boolean active,
      @Nullable Integer sortOrder) {}

  private static @Nullable String plain(@Nullable BigDecimal d) {
    return d == null ? null : d.toPlainString();
  }

  record ApproveBody(@Nullable BigDecimal hours, @Nullable String reason) {}

  record ReasonBody(@Nullable String reason) {}

  @GetMapping("/api/v1/claim-types")
  @Operation(summary = "The claim types and their rules (admin: inactive ones too)")
  List<ClaimType> types(@AuthenticationPrincipal CurrentUser caller) {
    return caller.is(Role.ADMIN) ? types.all() : claims.activeTypes();
  }

  @PutMapping("/api/v1/claim-types/{code}")
  @Operation(summary = "Add or change a claim type and its rule (admin; 422 VALIDATION_FAILED)")
  ClaimType saveType(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable String code,
      @RequestBody(required = false) @Nullable TypeBody body,
      HttpServletRequest request) {
    TypeBody b =
        body == null
            ? new TypeBody(
                null, null, null, null, null, null, null, null, null, null, null, null, null)
            : body;
    ClaimTypes.TypeInput in =
        new ClaimTypes.TypeInput(
            code,
            b.name(),
            b.mode(),
            plain(b.hoursPerUnit()),
            b.unitLabel(),
            plain(b.maxPerClaim()),
            plain(b.yearlyCap()),
            b.identifierLabel(),
            b.identifierRequired(),
            b.evidenceHint(),
            b.minEvidence() == null ? null : b.minEvidence().toString(),
            b.conditions(),
            b.active(),
            b.sortOrder() == null ? null : b.sortOrder().toString());
    return types.save(caller, in, ClientAddress.of(request));
  }

  @GetMapping("/api/v1/claims")
  @Operation(
      summary =
          "A page of claims in submission order: a member its own, a firm its people's, staff its"
              + " institute's, admin all (drafts only to their member)")
  PageResult<Claim> list(
      @AuthenticationPrincipal CurrentUser caller,
      @RequestParam(required = false) @Size(max = 20) @Nullable String type,
      @RequestParam(required = false) @Nullable ClaimStatus status,
      @RequestParam(required = false) @Size(max = 8) @Nullable String firmNo,
      @RequestParam(required = false) @Size(max = 12) @Nullable String memberNo,
      @Parameter(description = "work dates on or after (yyyy-MM-dd)")
          @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @Parameter(description = "work dates on or before (yyyy-MM-dd)")
          @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      @RequestParam(required = false) @Size(max = 50) @Nullable String q,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    return claims.list(
        caller,
        new Claims.Query(firmNo, memberNo, type, status, from, to, q),
        new Paging(page, size));
  }

  @PostMapping("/api/v1/claims")
  @Operation(summary = "A member saves a new claim as a draft: 201 the claim")
  ResponseEntity<Claim> create(
      @AuthenticationPrincipal CurrentUser caller,
      @RequestBody(required = false) @Nullable ClaimBody body,
      HttpServletRequest request) {
    ClaimInput in = body == null ? ClaimInput.empty() : body.input();
    Claim c = claims.create(caller, in, List.of(), ClientAddress.of(request));
    return ResponseEntity.status(HttpStatus.CREATED).body(c);
  }

  @GetMapping("/api/v1/claims/{id}")
  @Operation(summary = "One claim with its evidence list (a firm: without evidence); others 404")
  Claim get(@AuthenticationPrincipal CurrentUser caller, @PathVariable long id) {
    return claims.get(caller, id);
  }

  @PutMapping("/api/v1/claims/{id}")
  @Operation(summary = "The member changes its draft or returned claim (409 INVALID_STATE else)")
  Claim update(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable long id,
      @RequestBody(required = false) @Nullable ClaimBody body,
      HttpServletRequest request) {
    ClaimInput in = body == null ? ClaimInput.empty() : body.input();
    return claims.update(caller, id, in, List.of(), List.of(), ClientAddress.of(request));
  }

  @PostMapping("/api/v1/claims/{id}/submit")
  @Operation(
      summary =
          "Submit for review: 422 VALIDATION_FAILED, 422 EVIDENCE_REQUIRED, 409"
              + " CLAIM_CAP_REACHED, 409 DUPLICATE_CLAIM, 409 INVALID_STATE")
  Claim submit(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable long id,
      HttpServletRequest request) {
    return claims.submit(caller, id, ClientAddress.of(request));
  }

  @PostMapping("/api/v1/claims/{id}/withdraw")
  @Operation(summary = "The member withdraws its claim before review (409 INVALID_STATE after)")
  Claim withdraw(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable long id,
      HttpServletRequest request) {
    return claims.withdraw(caller, id, ClientAddress.of(request));
  }

  @PostMapping("/api/v1/claims/{id}/approve")
  @Operation(
      summary =
          "Staff of the member's institute approve: in full (no hours) or fewer hours with a"
              + " reason; posts one OUTPUT entry; 409 CLAIM_CAP_REACHED, 409 INVALID_STATE")
  Claim approve(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable long id,
      @RequestBody(required = false) @Nullable ApproveBody body,
      HttpServletRequest request) {
    BigDecimal hours = body == null ? null : body.hours();
    return claims.approve(
        caller,
        id,
        hours == null ? null : hours.toPlainString(),
        body == null ? null : body.reason(),
        ClientAddress.of(request));
  }

  @PostMapping("/api/v1/claims/{id}/return")
  @Operation(summary = "Staff return a pending claim with a reason; the member may resubmit")
  Claim returnClaim(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable long id,
      @RequestBody(required = false) @Nullable ReasonBody body,
      HttpServletRequest request) {
    return claims.returnClaim(
        caller, id, body == null ? null : body.reason(), ClientAddress.of(request));
  }

  @PostMapping("/api/v1/claims/{id}/reverse")
  @Operation(summary = "Staff take back a mistaken approval with a reason (a reversal entry)")
  Claim reverse(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable long id,
      @RequestBody(required = false) @Nullable ReasonBody body,
      HttpServletRequest request) {
    return claims.reverse(
        caller, id, body == null ? null : body.reason(), ClientAddress.of(request));
  }

  @PostMapping(
      value = "/api/v1/claims/{id}/evidence",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "The member uploads evidence (multipart field 'file', one or more): PDF, JPG, PNG by"
              + " content, ≤ 5 MB each, ≤ 10 per claim; all or none; 422 BAD_FILE")
  ResponseEntity<Claim> upload(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable long id,
      @RequestParam(name = "file", required = false) @Nullable List<MultipartFile> files,
      HttpServletRequest request) {
    Claim c =
        claims.addEvidence(
            caller, id, Upload.of(files, EvidenceRules.MAX_BYTES), ClientAddress.of(request));
    return ResponseEntity.status(HttpStatus.CREATED).body(c);
  }

  @GetMapping("/api/v1/claims/{id}/evidence/{evidenceId}")
  @Operation(
      summary =
          "An evidence file, to the claimant, its institute's staff and admin only (others 404),"
              + " with its checked Content-Type")
  ResponseEntity<byte[]> download(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable long id,
      @PathVariable long evidenceId) {
    return file(claims.evidence(caller, id, evidenceId), false);
  }

  /** The answer that serves an evidence file: its checked type, nosniff, never cached. */
  static ResponseEntity<byte[]> file(Claims.EvidenceFile f, boolean inline) {
    ContentDisposition.Builder disposition =
        inline ? ContentDisposition.inline() : ContentDisposition.attachment();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(f.contentType()))
        .contentLength(f.content().length)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            disposition.filename(f.filename(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(f.content());
  }
}
