package org.cmis.credits.certificate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.cmis.shared.BusinessTime;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.web.ClientAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hours certificates on the API (F5.7): issuing one for a member and a year (the member itself, its
 * firm, staff of its institute, admin; others 404), and the public look-up of a code with the same
 * masked facts as the verification page, throttled with it.
 */
@RestController
@Tag(name = "Certificates", description = "Hours certificates (学时证明) and their public check")
class CertificateRestController {

  private final CertificateService certificates;
  private final VerifyThrottle throttle;
  private final VerifyLinks links;

  CertificateRestController(
      CertificateService certificates, VerifyThrottle throttle, VerifyLinks links) {
    this.certificates = certificates;
    this.throttle = throttle;
    this.links = links;
  }

  /** The body of an issue: the training year (the current one when absent). */
  record IssueBody(@Nullable Integer year) {}

  /** An issued certificate, as its holder sees it. */
  record CertificateBody(
      String code,
      String memberNo,
      String name,
      int year,
      BigDecimal hours,
      String instituteName,
      LocalDate issuedOn,
      OffsetDateTime issuedAt,
      String verifyUrl) {}

  /** What anyone may learn from a code: the name partly masked. */
  record VerificationBody(
      String code,
      String name,
      String memberNo,
      int year,
      BigDecimal hours,
      String instituteName,
      LocalDate issuedOn,
      boolean superseded) {}

  @PostMapping("/api/v1/members/{memberNo}/certificates")
  @Operation(
      summary = "Issue the member's hours certificate for a year",
      description =
          "The member itself, its firm, staff of its institute or admin; anyone else 404"
              + " NOT_FOUND. The certificate states the statement's completedHours now. 201 with a"
              + " new certificate; 200 with the last one of the year when its name, institute and"
              + " hours are still what it states (no new code). year: 2000 to the current year"
              + " (default), else 422 VALIDATION_FAILED.")
  @ApiResponse(responseCode = "201", description = "A new certificate")
  @ApiResponse(responseCode = "200", description = "The last certificate of the year, unchanged")
  ResponseEntity<CertificateBody> issue(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable String memberNo,
      @RequestBody(required = false) @Nullable IssueBody body,
      HttpServletRequest request) {
    certificates.member(caller, memberNo);
    Integer year = body == null ? null : body.year();
    CertificateService.Issued issued =
        certificates.issue(
            caller,
            memberNo,
            year == null ? certificates.currentYear() : year.intValue(),
            ClientAddress.of(request));
    HoursCertificate c = issued.certificate();
    CertificateBody answer =
        new CertificateBody(
            c.code(),
            c.memberNo(),
            c.memberName(),
            c.year(),
            c.hours(),
            c.instituteName(),
            c.issuedOn(),
            c.issuedAt().atZoneSameInstant(BusinessTime.ZONE).toOffsetDateTime(),
            links.of(c.code()));
    if (!issued.created()) {
      return ResponseEntity.ok(answer);
    }
    return ResponseEntity.created(URI.create("/api/v1/certificates/" + c.code())).body(answer);
  }

  @GetMapping("/api/v1/certificates/{code}")
  @Operation(
      summary = "Check a certificate's code (public, no token)",
      description =
          "The facts of the verification page: the name partly masked, the CPA number, year,"
              + " hours stated, institute, issue date, and whether it was superseded since (a later"
              + " certificate, or fewer hours now). 404 NOT_FOUND for any code that names none;"
              + " 429 TOO_MANY_ATTEMPTS over the client address's throttle.")
  @ApiResponse(responseCode = "404", description = "No such certificate")
  @ApiResponse(responseCode = "429", description = "Too many look-ups from this address")
  VerificationBody verify(
      @Parameter(description = "the verification code, e.g. 7KQ2M9XW4HPA") @PathVariable
          String code,
      HttpServletRequest request) {
    if (!throttle.allow(ClientAddress.of(request))) {
      throw new CmisException(
          ErrorCode.TOO_MANY_ATTEMPTS,
          "certificate.verify.throttled",
          List.of(),
          throttle.retryAfter());
    }
    Verification v =
        certificates
            .verify(code)
            .orElseThrow(
                () -> new CmisException(ErrorCode.NOT_FOUND, "certificate.verify.notFound"));
    return new VerificationBody(
        v.code(),
        v.name(),
        v.memberNo(),
        v.year(),
        v.hours(),
        v.instituteName(),
        v.issuedOn(),
        v.superseded());
  }
}
