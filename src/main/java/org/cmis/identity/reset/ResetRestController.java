package org.cmis.identity.reset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.upload.Upload;
import org.cmis.shared.web.ClientAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The manual password-reset application through the API (F1.3, API.md): the public multipart
 * submission and status, and for staff of the account's institute the list, approval and return.
 */
@RestController
@RequestMapping("/api/v1/password-reset-applications")
@Tag(
    name = "Password-reset applications",
    description = "Manual password reset by a signed application (F1.3, seed section 四)")
class ResetRestController {

  private final ResetApplicationService service;

  ResetRestController(ResetApplicationService service) {
    this.service = service;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "Submit an application (public, no sign-in): every field but remark required, the three"
              + " files PDF, JPG or PNG by content, at most 5 MB each. The same answer whether the"
              + " account exists or not; 429 TOO_MANY_ATTEMPTS past 3 open applications per account"
              + " or 10 a day per client address.")
  ResponseEntity<ResetApplicationService.Submitted> submit(
      @RequestParam(required = false) @Nullable String applicant,
      @RequestParam(required = false) @Nullable String account,
      @RequestParam(required = false) @Nullable String userType,
      @RequestParam(required = false) @Nullable String mobile,
      @RequestParam(required = false) @Nullable String applicationDate,
      @RequestParam(required = false) @Nullable String reason,
      @RequestParam(required = false) @Nullable String remark,
      @RequestParam(required = false) @Nullable MultipartFile signedForm,
      @RequestParam(required = false) @Nullable MultipartFile certificate,
      @RequestParam(required = false) @Nullable MultipartFile idCard,
      HttpServletRequest request) {
    ResetApplicationService.Submitted submitted =
        service.submit(
            new ResetApplicationInput(
                applicant,
                account,
                userType,
                mobile,
                applicationDate,
                reason,
                remark,
                files(signedForm, certificate, idCard)),
            ClientAddress.of(request));
    return ResponseEntity.created(
            URI.create("/api/v1/password-reset-applications/" + submitted.trackingNumber()))
        .body(submitted);
  }

  @GetMapping("/{trackingNumber}")
  @Operation(
      summary =
          "The status of an application (public): the tracking number with the account it names;"
              + " any mismatch is 404. Never the password.")
  ResetApplicationService.StatusView status(
      @PathVariable String trackingNumber,
      @RequestParam(required = false) @Nullable String account) {
    return service
        .status(trackingNumber, account)
        .orElseThrow(() -> new CmisException(ErrorCode.NOT_FOUND, "reset.status.notFound"));
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
  @Operation(
      summary =
          "The caller's queue, oldest first: staff their institute's applications; admin those"
              + " naming an account that does not exist")
  PageResult<ApplicationView> list(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable ResetStatus status,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    PageResult<ResetApplication> result = service.list(user, status, new Paging(page, size));
    List<ApplicationView> items =
        result.items().stream()
            .map(a -> ApplicationView.of(service.view(user, a.trackingNumber())))
            .toList();
    return new PageResult<>(items, result.total(), result.page(), result.size());
  }

  @PostMapping("/{trackingNumber}/approve")
  @PreAuthorize("hasRole('STAFF')")
  @Operation(
      summary =
          "Approve: a temporary password goes to the email on record of the account only; the"
              + " account must change it at the next sign-in; its sessions and tokens end. 409"
              + " INVALID_STATE when already decided or the account cannot receive it.")
  ApplicationView approve(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable String trackingNumber,
      HttpServletRequest request) {
    return ApplicationView.of(service.approve(user, trackingNumber, ClientAddress.of(request)));
  }

  @PostMapping("/{trackingNumber}/return")
  @PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
  @Operation(summary = "Return with a reason (required, at most 500 characters)")
  ApplicationView giveBack(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable String trackingNumber,
      @RequestBody ReturnBody body,
      HttpServletRequest request) {
    return ApplicationView.of(
        service.giveBack(user, trackingNumber, body.reason(), ClientAddress.of(request)));
  }

  /** The body of a return. */
  record ReturnBody(@Nullable String reason) {}

  static Map<ResetFileKind, Upload> files(
      @Nullable MultipartFile signedForm,
      @Nullable MultipartFile certificate,
      @Nullable MultipartFile idCard) {
    Map<ResetFileKind, Upload> files = new EnumMap<>(ResetFileKind.class);
    put(files, ResetFileKind.SIGNED_FORM, signedForm);
    put(files, ResetFileKind.CERTIFICATE, certificate);
    put(files, ResetFileKind.ID_CARD, idCard);
    return files;
  }

  private static void put(
      Map<ResetFileKind, Upload> files, ResetFileKind kind, @Nullable MultipartFile file) {
    if (file != null) {
      Upload.of(List.of(file), ResetApplicationService.MAX_FILE_BYTES).stream()
          .findFirst()
          .ifPresent(u -> files.put(kind, u));
    }
  }
}
