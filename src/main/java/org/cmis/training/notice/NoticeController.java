package org.cmis.training.notice;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.upload.Upload;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The notice pages: the list and a notice for everyone; new, edit and delete for staff. */
@Controller
class NoticeController {

  private final NoticeService notices;

  NoticeController(NoticeService notices) {
    this.notices = notices;
  }

  @GetMapping("/notices")
  String list(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size,
      Model model) {
    PageResult<Notice> result = notices.list(user, new Paging(page, size));
    model.addAttribute("result", result);
    model.addAttribute("pager", PageLinks.of("/notices", result));
    model.addAttribute("today", notices.today());
    return "training/notice/list";
  }

  @GetMapping("/notices/{id}")
  String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
    model.addAttribute("detail", notices.get(user, id));
    model.addAttribute("today", notices.today());
    return "training/notice/detail";
  }

  @GetMapping("/notices/{id}/attachments/{attachmentId}")
  ResponseEntity<byte[]> download(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      @PathVariable long attachmentId) {
    AttachmentFile file = notices.attachment(user, id, attachmentId);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.contentType()))
        .contentLength(file.content().length)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(file.filename(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(file.content());
  }

  @GetMapping("/manage/notices/new")
  @PreAuthorize("hasRole('STAFF')")
  String newForm(@AuthenticationPrincipal CurrentUser user, Model model) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("publishDate", notices.today().toString());
    return form(user, model, form, null, Map.of());
  }

  @PostMapping("/manage/notices/new")
  @PreAuthorize("hasRole('STAFF')")
  String create(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable String title,
      @RequestParam(required = false) @Nullable String body,
      @RequestParam(required = false) @Nullable String publishDate,
      @RequestParam(required = false) @Nullable String expiryDate,
      @RequestParam(required = false) @Nullable List<String> classIds,
      @RequestParam(name = "attachments", required = false) @Nullable List<MultipartFile> files,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    NoticeInput input = input(title, body, publishDate, expiryDate, classIds, null);
    try {
      long id = notices.create(user, input, uploads(files), ClientAddress.of(request));
      redirect.addFlashAttribute("flash", "notice.created");
      return "redirect:/notices/" + id;
    } catch (CmisException e) {
      if (e.code() != ErrorCode.VALIDATION_FAILED) {
        throw e;
      }
      model.addAttribute("filesChosen", !uploads(files).isEmpty());
      return refused(e, user, model, input, null);
    }
  }

  @GetMapping("/manage/notices/{id}/edit")
  @PreAuthorize("hasRole('STAFF')")
  String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
    NoticeDetail detail = notices.editable(user, id);
    Notice n = detail.notice();
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("title", n.title());
    form.put("body", n.body());
    form.put("publishDate", n.publishDate().toString());
    form.put("expiryDate", n.expiryDate() == null ? "" : n.expiryDate().toString());
    form.put("classIds", detail.classIds().stream().map(String::valueOf).toList());
    return form(user, model, form, detail, Map.of());
  }

  @PostMapping("/manage/notices/{id}/edit")
  @PreAuthorize("hasRole('STAFF')")
  String update(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      @RequestParam(required = false) @Nullable String title,
      @RequestParam(required = false) @Nullable String body,
      @RequestParam(required = false) @Nullable String publishDate,
      @RequestParam(required = false) @Nullable String expiryDate,
      @RequestParam(required = false) @Nullable List<String> classIds,
      @RequestParam(required = false) @Nullable List<String> removeAttachment,
      @RequestParam(name = "attachments", required = false) @Nullable List<MultipartFile> files,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    NoticeInput input = input(title, body, publishDate, expiryDate, classIds, removeAttachment);
    try {
      notices.update(user, id, input, uploads(files), ClientAddress.of(request));
      redirect.addFlashAttribute("flash", "notice.updated");
      return "redirect:/notices/" + id;
    } catch (CmisException e) {
      if (e.code() != ErrorCode.VALIDATION_FAILED) {
        throw e;
      }
      model.addAttribute("filesChosen", !uploads(files).isEmpty());
      return refused(e, user, model, input, notices.editable(user, id));
    }
  }

  @PostMapping("/manage/notices/{id}/delete")
  @PreAuthorize("hasRole('STAFF')")
  String delete(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    notices.delete(user, id, ClientAddress.of(request));
    redirect.addFlashAttribute("flash", "notice.deleted");
    return "redirect:/notices";
  }

  /** The form again, with what was typed and the errors under their fields. */
  private String refused(
      CmisException e,
      CurrentUser user,
      Model model,
      NoticeInput input,
      @Nullable NoticeDetail detail) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("title", input.title());
    form.put("body", input.body());
    form.put("publishDate", input.publishDate());
    form.put("expiryDate", input.expiryDate());
    form.put("classIds", input.classIds());
    form.put("removeAttachment", input.removeAttachmentIds());
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (FieldError error : e.errors()) {
      errors.computeIfAbsent(error.field(), f -> new ArrayList<>()).add(error.message());
    }
    return form(user, model, form, detail, errors);
  }

  private String form(
      CurrentUser user,
      Model model,
      Map<String, Object> form,
      @Nullable NoticeDetail detail,
      Map<String, List<String>> errors) {
    for (String field : List.of("title", "body", "publishDate", "expiryDate")) {
      if (form.get(field) == null) {
        form.put(field, "");
      }
    }
    form.putIfAbsent("classIds", List.of());
    form.putIfAbsent("removeAttachment", List.of());
    model.addAttribute("form", form);
    model.addAttribute("detail", detail);
    model.addAttribute("errors", errors);
    model.addAttribute("classOptions", notices.linkable(user, detail));
    model.addAttribute("maxMegabytes", NoticeRules.MAX_ATTACHMENT_BYTES / (1024 * 1024));
    model.addAttribute("maxAttachments", NoticeRules.MAX_ATTACHMENTS);
    return "training/notice/form";
  }

  private static NoticeInput input(
      @Nullable String title,
      @Nullable String body,
      @Nullable String publishDate,
      @Nullable String expiryDate,
      @Nullable List<String> classIds,
      @Nullable List<String> remove) {
    return new NoticeInput(
        title,
        body,
        publishDate,
        expiryDate,
        classIds == null ? List.of() : classIds,
        remove == null ? List.of() : remove);
  }

  /** The chosen files; one over the limit is passed on unread so that the service refuses it. */
  private static List<Upload> uploads(@Nullable List<MultipartFile> files) {
    return Upload.of(files, NoticeRules.MAX_ATTACHMENT_BYTES);
  }
}
