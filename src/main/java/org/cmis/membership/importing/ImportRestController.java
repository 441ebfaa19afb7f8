package org.cmis.membership.importing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.spreadsheet.ImportReport;
import org.cmis.shared.web.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The Excel import in the API (F2.6, ADR 0029): a multipart upload (field {@code file}) answered
 * with the counts, or with every refused row.
 */
@RestController
@PreAuthorize("hasAnyRole('STAFF','ADMIN')")
@Tag(name = "Imports", description = "Excel import of members and firms (staff: their institute)")
class ImportRestController {

  /** The answer of a file whose every row passed. */
  record ImportResult(
      String kind,
      boolean dryRun,
      boolean imported,
      int total,
      int created,
      int changed,
      int unchanged) {}

  private final ImportFiles files;
  private final Problems problems;

  ImportRestController(ImportFiles files, Problems problems) {
    this.files = files;
    this.problems = problems;
  }

  @PostMapping(value = "/api/v1/imports/members", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Import a members .xlsx (the template of /manage/imports/members/template)",
      description =
          "Every row is validated first; any refused row → 422 VALIDATION_FAILED with rows:"
              + " [{row, column, message}] and nothing written. Else (unless dryRun=true) the whole"
              + " file is applied in one transaction → 200 {kind, dryRun, imported, total, created,"
              + " changed, unchanged}. The same file twice changes nothing. A file that is not an"
              + " .xlsx (or a ZIP bomb, or without rows) → 422 with errors [{field: file}].")
  ResponseEntity<?> members(
      @AuthenticationPrincipal CurrentUser caller,
      @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
      @RequestParam(defaultValue = "false") boolean dryRun) {
    return answer(files.run(caller, ImportKind.MEMBERS, file, dryRun));
  }

  @PostMapping(value = "/api/v1/imports/firms", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Import a firms .xlsx (the template of /manage/imports/firms/template)",
      description = "As the members import.")
  ResponseEntity<?> firms(
      @AuthenticationPrincipal CurrentUser caller,
      @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
      @RequestParam(defaultValue = "false") boolean dryRun) {
    return answer(files.run(caller, ImportKind.FIRMS, file, dryRun));
  }

  @GetMapping("/api/v1/imports/{kind:members|firms}/template")
  @Operation(summary = "The import template (.xlsx, columns in Chinese)")
  ResponseEntity<byte[]> template(
      @org.springframework.web.bind.annotation.PathVariable String kind) {
    return files.template(kind.equals("members") ? ImportKind.MEMBERS : ImportKind.FIRMS);
  }

  private ResponseEntity<?> answer(ImportOutcome o) {
    if (o.valid() && (o.dryRun() || o.imported())) {
      return ResponseEntity.ok(
          new ImportResult(
              o.kind().name(),
              o.dryRun(),
              o.imported(),
              o.report().total(),
              o.created(),
              o.changed(),
              o.unchanged()));
    }
    ProblemDetail problem =
        problems.of(ErrorCode.VALIDATION_FAILED, "import.rejected", List.<FieldError>of());
    problem.setDetail("共 " + o.report().total() + " 行，其中 " + o.report().failed() + " 行有错误，未导入任何数据");
    problem.setProperty("rows", rows(o.report()));
    return problems.entity(problem, null);
  }

  private static List<Map<String, Object>> rows(ImportReport report) {
    return report.rows().stream()
        .filter(r -> !r.ok())
        .flatMap(
            r ->
                r.errors().stream()
                    .map(
                        e ->
                            Map.<String, Object>of(
                                "row", r.rowNumber(), "column", e.field(), "message", e.message())))
        .toList();
  }
}
