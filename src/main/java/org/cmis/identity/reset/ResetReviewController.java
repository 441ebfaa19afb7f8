package org.cmis.identity.reset;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.web.ClientAddress;
import org.cmis.shared.web.PageLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review pages (staff of the account's institute; admin for accounts that do not exist): the
 * queue, an application beside the account on record with its three scans shown in the page, and
 * approve or return.
 */
@Controller
@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
class ResetReviewController {

  static final String BASE = "/manage/password-resets";

  /** The scans are shown inside the review page, so they may be framed by this site only. */
  static final String FILE_POLICY = "default-src 'none'; img-src 'self'; frame-ancestors 'self'";

  private final ResetApplicationService service;

  ResetReviewController(ResetApplicationService service) {
    this.service = service;
  }

  @GetMapping(BASE)
  String queue(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable ResetStatus status,
      @RequestParam(defaultValue = "1") int page,
      Model model) {
    PageResult<ResetApplication> result =
        service.list(user, status, new Paging(Math.max(1, page), Paging.DEFAULT_SIZE));
    model.addAttribute("result", result);
    model.addAttribute("status", status);
    model.addAttribute("statuses", ResetStatus.values());
    model.addAttribute(
        "pager",
        PageLinks.of(BASE, status == null ? Map.of() : Map.of("status", status.name()), result));
    return "reset/queue";
  }

  @GetMapping(BASE + "/{number}")
  String show(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable String number,
      HttpServletRequest request,
      Model model) {
    return detail(model, service.open(user, number, ClientAddress.of(request)), List.of());
  }

  @GetMapping(BASE + "/{number}/files/{kind}")
  ResponseEntity<byte[]> file(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable String number,
      @PathVariable ResetFileKind kind,
      HttpServletResponse response) {
    ResetFile file = service.file(user, number, kind);
    // Replacing the pages' own (never framed): the review page shows the scan in a frame.
    response.setHeader("X-Frame-Options", "SAMEORIGIN");
    response.setHeader("Content-Security-Policy", FILE_POLICY);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.type().contentType()))
        .contentLength(file.content().length)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline()
                .filename(file.filename(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(file.content());
  }

  @PostMapping(BASE + "/{number}/approve")
  String approve(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable String number,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    ResetApplicationService.Review review;
    try {
      review = service.approve(user, number, ClientAddress.of(request));
    } catch (CmisException e) {
      if (e.code() != ErrorCode.INVALID_STATE) {
        throw e;
      }
      redirect.addFlashAttribute("refusal", e.getMessage());
      return "redirect:" + BASE + "/" + number;
    }
    redirect.addFlashAttribute("flash", "reset.review.approved");
    return "redirect:" + BASE + "/" + review.application().trackingNumber();
  }

  @PostMapping(BASE + "/{number}/return")
  String giveBack(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable String number,
      @RequestParam(required = false) @Nullable String reason,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    try {
      service.giveBack(user, number, reason, ClientAddress.of(request));
    } catch (CmisException e) {
      if (e.code() == ErrorCode.VALIDATION_FAILED) {
        response.setStatus(422);
        model.addAttribute("reason", reason == null ? "" : reason);
        return detail(model, service.open(user, number, ClientAddress.of(request)), e.errors());
      }
      if (e.code() != ErrorCode.INVALID_STATE) {
        throw e;
      }
      redirect.addFlashAttribute("refusal", e.getMessage());
      return "redirect:" + BASE + "/" + number;
    }
    redirect.addFlashAttribute("flash", "reset.review.returned");
    return "redirect:" + BASE + "/" + number;
  }

  private static String detail(
      Model model, ResetApplicationService.Review review, List<FieldError> errors) {
    model.addAttribute("review", review);
    model.addAttribute("a", review.application());
    model.addAttribute("returnErrors", errors.stream().map(FieldError::message).toList());
    model.addAttribute("base", BASE);
    return "reset/review";
  }
}
