package org.cmis.training.noshow;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/no-shows} (F5.3): the no-shows in the caller's scope, paged. */
@RestController
@Tag(name = "No-shows", description = "未到人员: confirmed, not declared, absent, class ended")
class NoShowRestController {

  private final NoShowFinder finder;

  NoShowRestController(NoShowFinder finder) {
    this.finder = finder;
  }

  @GetMapping("/api/v1/no-shows")
  @Operation(
      summary =
          "No-shows in the caller's scope (member own, firm its people, staff its institute,"
              + " admin all), ordered by the class's last training day, class, registration")
  PageResult<NoShow> list(
      @AuthenticationPrincipal CurrentUser caller,
      @Parameter(description = "classes whose last training day is on or after (yyyy-MM-dd)")
          @RequestParam(required = false)
          @Nullable String from,
      @Parameter(description = "classes whose last training day is on or before (yyyy-MM-dd)")
          @RequestParam(required = false)
          @Nullable String to,
      @Parameter(description = "the people of one firm (outside the caller's scope: 403)")
          @RequestParam(required = false)
          @Nullable String firmNo,
      @Parameter(description = "one class") @RequestParam(required = false)
          @Nullable String classId,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    Paging paging = new Paging(page, size);
    return finder.list(caller, NoShowQuery.parse(from, to, firmNo, classId), paging);
  }
}
