package org.cmis.membership.member;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.cmis.membership.MemberCategory;
import org.cmis.membership.MemberDirectory;
import org.cmis.membership.MemberQuery;
import org.cmis.membership.MemberSummary;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/members}. */
@RestController
@Tag(name = "Members", description = "Members in the caller's scope")
class MemberRestController {

  private final MemberDirectory directory;

  MemberRestController(MemberDirectory directory) {
    this.directory = directory;
  }

  @GetMapping("/api/v1/members")
  @Operation(summary = "List members: staff their institute, a firm its people, admin all")
  PageResult<MemberSummary> list(
      @AuthenticationPrincipal CurrentUser caller,
      @RequestParam(required = false) @Size(max = 8) @Nullable String firmNo,
      @RequestParam(required = false) @Nullable MemberCategory category,
      @RequestParam(required = false) @Size(max = 50) @Nullable String q,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    return directory.list(caller, new MemberQuery(firmNo, category, q), new Paging(page, size));
  }
}
