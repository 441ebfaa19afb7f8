package org.cmis.membership.importing;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 人员导入 (F2.6) for staff and administrators: the templates, the upload and its row-by-row report. 校验
 * only validates; 校验并导入 validates and, when every row passes, applies the whole file.
 */
@Controller
@PreAuthorize("hasAnyRole('STAFF','ADMIN')")
@RequestMapping("/manage/imports")
class ImportPageController {

  private static final String PAGE = "import/imports";

  private final ImportFiles files;

  ImportPageController(ImportFiles files) {
    this.files = files;
  }

  @GetMapping
  String page() {
    return PAGE;
  }

  @GetMapping("/{kind}/template")
  ResponseEntity<byte[]> template(@PathVariable String kind) {
    return files.template(kind(kind));
  }

  @PostMapping("/{kind}")
  String upload(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable String kind,
      @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
      @RequestParam(defaultValue = "validate") String action,
      HttpServletResponse response,
      Model model) {
    ImportKind k = kind(kind);
    model.addAttribute("kind", k.name());
    try {
      ImportOutcome outcome = files.run(caller, k, file, !action.equals("apply"));
      model.addAttribute("outcome", outcome);
      if (!outcome.valid()) {
        response.setStatus(ErrorCode.VALIDATION_FAILED.status());
      }
      model.addAttribute("filename", file == null ? "" : file.getOriginalFilename());
    } catch (CmisException e) {
      if (!ImportFiles.isFileError(e)) {
        throw e;
      }
      response.setStatus(ErrorCode.VALIDATION_FAILED.status());
      model.addAttribute("fileError", e.errors().get(0).message());
    }
    return PAGE;
  }

  private static ImportKind kind(String kind) {
    return switch (kind.toLowerCase(Locale.ROOT)) {
      case "members" -> ImportKind.MEMBERS;
      case "firms" -> ImportKind.FIRMS;
      default -> throw new CmisException(ErrorCode.NOT_FOUND, "error.NOT_FOUND");
    };
  }
}
