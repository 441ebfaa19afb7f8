package org.cmis.training.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.training.Audience;
import org.cmis.training.ClassStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The training classes of the API (API.md, Training classes). */
@RestController
@Tag(name = "Classes", description = "Training classes")
class ClassRestController {

  private final ClassService classes;

  ClassRestController(ClassService classes) {
    this.classes = classes;
  }

  @GetMapping("/api/v1/classes")
  @Operation(summary = "List the classes the caller may see")
  PageResult<ClassView> list(
      @AuthenticationPrincipal CurrentUser caller,
      @RequestParam(required = false) @Min(2000) @Max(2100) @Nullable Integer year,
      @RequestParam(required = false) @Nullable Audience audience,
      @RequestParam(required = false) @Size(max = 200) @Nullable String name,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate registrationStartFrom,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate registrationEndTo,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate trainingStartFrom,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate trainingEndTo,
      @RequestParam(required = false) @Nullable ClassStatus status,
      @RequestParam(required = false) @Size(max = 10) @Nullable String institute,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    ClassQuery query =
        new ClassQuery(
            year,
            audience,
            name,
            registrationStartFrom,
            registrationEndTo,
            trainingStartFrom,
            trainingEndTo,
            status,
            institute);
    PageResult<ClassListItem> result = classes.list(caller, query, new Paging(page, size));
    return new PageResult<>(
        result.items().stream().map(ClassView::of).toList(),
        result.total(),
        result.page(),
        result.size());
  }

  @GetMapping("/api/v1/classes/{id}")
  @Operation(summary = "One class")
  ClassView get(@AuthenticationPrincipal CurrentUser caller, @PathVariable long id) {
    return view(caller, classes.get(caller, id));
  }

  @PostMapping("/api/v1/classes")
  @Operation(summary = "Create a class of the caller's institute (staff)")
  ResponseEntity<ClassView> create(
      @AuthenticationPrincipal CurrentUser caller, @RequestBody ClassInput body) {
    TrainingClass c = classes.create(caller, body);
    return ResponseEntity.created(URI.create("/api/v1/classes/" + c.id())).body(view(caller, c));
  }

  @PatchMapping("/api/v1/classes/{id}")
  @Operation(summary = "Change a class (staff of the organiser)")
  ClassView update(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable long id,
      @RequestBody ClassInput body) {
    return view(caller, classes.update(caller, id, body));
  }

  @PostMapping("/api/v1/classes/{id}/cancel")
  @Operation(summary = "Cancel a class and every registration in it (staff of the organiser)")
  ClassView cancel(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable long id,
      @RequestBody ReasonBody body) {
    return view(caller, classes.cancel(caller, id, body.reason()));
  }

  private ClassView view(CurrentUser caller, TrainingClass c) {
    return ClassView.of(classes.item(caller, c));
  }

  /** A body with a reason. */
  record ReasonBody(@Nullable String reason) {}
}
