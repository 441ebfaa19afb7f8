package org.cmis.membership.importing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.cmis.membership.importing.ImportWorkbooks.UnreadableFile;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.upload.FileType;
import org.cmis.shared.upload.Upload;
import org.cmis.shared.upload.UploadCheck;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the import page and the import API share: the upload's checks (by content: a file that is
 * not a workbook, a ZIP bomb, one too big), the reading and the import itself.
 */
@Component
class ImportFiles {

  /** An import file must be an Office Open XML workbook by its content, not only by its name. */
  static final UploadCheck WORKBOOK = new UploadCheck(5L * 1024 * 1024, 200, Set.of(FileType.XLSX));

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final ImportWorkbooks workbooks;
  private final Importer importer;

  ImportFiles(ImportWorkbooks workbooks, Importer importer) {
    this.workbooks = workbooks;
    this.importer = importer;
  }

  /** The import of the file, or a 422 naming what is wrong with the file itself (field "file"). */
  ImportOutcome run(
      CurrentUser caller, ImportKind kind, @Nullable MultipartFile file, boolean dryRun) {
    if (file == null
        || (file.isEmpty()
            && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
      throw fileError("请选择要导入的 Excel 文件");
    }
    List<Upload> uploads = Upload.of(List.of(file), WORKBOOK.maxBytes());
    if (uploads.isEmpty()) {
      throw fileError("请选择要导入的 Excel 文件");
    }
    UploadCheck.Result checked = WORKBOOK.check(uploads.get(0));
    if (checked.file() == null) {
      UploadCheck.Problem problem =
          checked.problem() == null ? UploadCheck.Problem.TYPE : checked.problem();
      throw fileError(
          switch (problem) {
            case TOO_BIG -> "文件过大：每个文件最大 5 MB，请分批导入";
            case EMPTY -> "文件是空的，请使用导入模板填写";
            case TYPE -> "文件类型不正确：请上传 .xlsx 格式的 Excel 文件";
          });
    }
    try {
      ByteArrayInputStream in = new ByteArrayInputStream(checked.file().content());
      return kind == ImportKind.MEMBERS
          ? importer.members(caller, workbooks.members(in), dryRun)
          : importer.firms(caller, workbooks.firms(in), dryRun);
    } catch (UnreadableFile e) {
      throw fileError(e.getMessage());
    }
  }

  ResponseEntity<byte[]> template(ImportKind kind) {
    String name = (kind == ImportKind.MEMBERS ? "人员导入模板" : "事务所导入模板") + ".xlsx";
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(workbooks.template(kind));
  }

  private static CmisException fileError(String message) {
    return CmisException.validation(List.of(new FieldError("file", message)));
  }

  static boolean isFileError(CmisException e) {
    return e.code() == ErrorCode.VALIDATION_FAILED
        && e.errors().size() == 1
        && e.errors().get(0).field().equals("file");
  }
}
