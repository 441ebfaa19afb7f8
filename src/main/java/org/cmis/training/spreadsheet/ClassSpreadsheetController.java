package org.cmis.training.spreadsheet;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.spreadsheet.ImportReport;
import org.cmis.shared.spreadsheet.ParsedRow;
import org.cmis.shared.upload.FileType;
import org.cmis.shared.upload.Upload;
import org.cmis.shared.upload.UploadCheck;
import org.cmis.training.catalog.ClassInput;
import org.cmis.training.catalog.ClassListItem;
import org.cmis.training.catalog.ClassQuery;
import org.cmis.training.catalog.ClassService;
import org.cmis.training.spreadsheet.ClassSheetReader.UnreadableFile;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Excel export of the class list and Excel import of classes (F3.7), for staff and their own
 * institute. An import creates every row or none: the page reports each row's outcome.
 */
@Controller
@PreAuthorize("hasRole('STAFF')")
@RequestMapping("/manage/classes")
class ClassSpreadsheetController {

  private static final String PAGE = "training/spreadsheet/import";

  /** An import file must be an Office Open XML workbook by its content, not only by its name. */
  private static final UploadCheck WORKBOOK =
      new UploadCheck(5L * 1024 * 1024, 200, Set.of(FileType.XLSX));

  /** The most classes one export holds. */
  private static final int MAX_EXPORT = 20_000;

  private final ClassService classes;
  private final ClassWorkbooks workbooks;
  private final ClassSheetReader reader;
  private final ClassImporter importer;

  ClassSpreadsheetController(
      ClassService classes,
      ClassWorkbooks workbooks,
      ClassSheetReader reader,
      ClassImporter importer) {
    this.classes = classes;
    this.workbooks = workbooks;
    this.reader = reader;
    this.importer = importer;
  }

  /**
   * The institute's classes as the management list filters them: year (absent: this year; empty:
   * every year) and part of the name.
   */
  @GetMapping("/export")
  ResponseEntity<byte[]> export(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable String year,
      @RequestParam(defaultValue = "") @Size(max = 200) String name) {
    LocalDate today = classes.today();
    ClassQuery query =
        new ClassQuery(
            year(year, today.getYear()),
            null,
            name.isBlank() ? null : name.trim(),
            null,
            null,
            null,
            null,
            null,
            user.instituteCode());
    List<ClassListItem> items = new ArrayList<>();
    for (int page = 1; items.size() < MAX_EXPORT; page++) {
      PageResult<ClassListItem> result =
          classes.list(user, query, new Paging(page, Paging.MAX_SIZE));
      items.addAll(result.items());
      if (page >= result.pages()) {
        break;
      }
    }
    return download(workbooks.export(items), workbooks.filename("transfer.export.filename", today));
  }

  @GetMapping("/import/template")
  ResponseEntity<byte[]> template() {
    LocalDate today = classes.today();
    return download(
        workbooks.template(today), workbooks.filename("transfer.template.filename", today));
  }

  @GetMapping("/import")
  String importPage() {
    return PAGE;
  }

  @PostMapping("/import")
  String importFile(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    if (file == null || file.isEmpty()) {
      return fileError(response, model, "transfer.file.required");
    }
    String filename = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
    if (!filename.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
      return fileError(response, model, "transfer.file.type");
    }
    List<ParsedRow<ClassInput>> rows;
    try {
      byte[] content = file.getBytes();
      if (WORKBOOK.check(new Upload(filename, file.getSize(), content)).file() == null) {
        return fileError(response, model, "transfer.file.unreadable");
      }
      rows = reader.read(new ByteArrayInputStream(content));
    } catch (UnreadableFile e) {
      return fileError(response, model, e.getMessage(), e.args());
    } catch (IOException e) {
      return fileError(response, model, "transfer.file.unreadable");
    }
    ImportReport report;
    try {
      report = importer.importAll(user, rows);
    } catch (CmisException e) {
      if (e.code() == ErrorCode.FORBIDDEN) {
        throw e;
      }
      response.setStatus(e.code().status());
      model.addAttribute("globalError", e.getMessage());
      return PAGE;
    }
    if (report.imported()) {
      redirect.addFlashAttribute("flash", "transfer.flash.imported");
      redirect.addFlashAttribute("report", report);
      return "redirect:/manage/classes/import";
    }
    response.setStatus(ErrorCode.VALIDATION_FAILED.status());
    model.addAttribute("report", report);
    model.addAttribute("filename", filename);
    return PAGE;
  }

  private static String fileError(
      HttpServletResponse response, Model model, String key, Object... args) {
    response.setStatus(ErrorCode.VALIDATION_FAILED.status());
    model.addAttribute("fileError", new FieldError("file", key));
    model.addAttribute("fileErrorArgs", args);
    return PAGE;
  }

  private static ResponseEntity<byte[]> download(byte[] body, String name) {
    return ResponseEntity.ok()
        .contentType(ClassWorkbooks.XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(body);
  }

  /** The year filter: absent → this year, blank → every year, else 2000–2100 (else a 400). */
  private static @Nullable Integer year(@Nullable String value, int thisYear) {
    if (value == null) {
      return thisYear;
    }
    String v = value.trim();
    if (v.isEmpty()) {
      return null;
    }
    try {
      int year = Integer.parseInt(v);
      if (year >= 2000 && year <= 2100) {
        return year;
      }
    } catch (NumberFormatException e) {
      // falls through to the refusal
    }
    throw new CmisException(ErrorCode.MALFORMED_REQUEST, "error.MALFORMED_REQUEST");
  }
}
