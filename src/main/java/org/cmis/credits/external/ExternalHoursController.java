package org.cmis.credits.external;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.upload.FileType;
import org.cmis.shared.upload.Upload;
import org.cmis.shared.upload.UploadCheck;
import org.cmis.shared.web.ClientAddress;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** 外部学时导入 of staff (F5.8, ISSUE 14): the template, the upload, the row-by-row report. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class ExternalHoursController {

  private static final String PAGE = "claims/external";
  private static final UploadCheck WORKBOOK =
      new UploadCheck(5L * 1024 * 1024, 200, java.util.Set.of(FileType.XLSX));

  private final ExternalHours imports;

  ExternalHoursController(ExternalHours imports) {
    this.imports = imports;
  }

  @GetMapping("/manage/external-hours")
  String page() {
    return PAGE;
  }

  @GetMapping("/manage/external-hours/template")
  ResponseEntity<byte[]> template() {
    return ResponseEntity.ok()
        .contentType(
            MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("外部学时导入模板.xlsx", StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(imports.template());
  }

  @PostMapping("/manage/external-hours")
  String importFile(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model)
      throws IOException {
    String filename =
        file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
    if (file == null
        || file.isEmpty()
        || !filename.toLowerCase(Locale.ROOT).endsWith(".xlsx")
        || file.getSize() > 5L * 1024 * 1024) {
      return fileError(response, model, "external.error.file");
    }
    byte[] content = file.getBytes();
    if (WORKBOOK.check(new Upload(filename, file.getSize(), content)).file() == null) {
      return fileError(response, model, "external.error.unreadable");
    }
    ExternalHours.Report report;
    try {
      report = imports.importFile(user, content, ClientAddress.of(request));
    } catch (ExternalHours.BadFile e) {
      return fileError(response, model, e.getMessage());
    }
    if (!report.imported()) {
      response.setStatus(ErrorCode.VALIDATION_FAILED.status());
    }
    model.addAttribute("report", report);
    model.addAttribute("filename", filename);
    return PAGE;
  }

  private static String fileError(HttpServletResponse response, Model model, String key) {
    response.setStatus(ErrorCode.VALIDATION_FAILED.status());
    model.addAttribute("fileError", key);
    return PAGE;
  }
}
