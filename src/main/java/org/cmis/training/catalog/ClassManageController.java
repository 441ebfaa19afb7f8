package org.cmis.training.catalog;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.web.PageLinks;
import org.cmis.training.Audience;
import org.cmis.training.ClassStatus;
import org.cmis.training.Reason;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 培训班管理 for staff (F3.1, F3.2): their institute's classes including drafts; create, edit, publish
 * and cancel. The service checks every rule and the organiser's scope.
 */
@Controller
@PreAuthorize("hasRole('STAFF')")
@RequestMapping("/manage/classes")
class ClassManageController {

  private static final String FORM = "training/catalog/form";
  private static final String CANCEL = "training/catalog/cancel";

  private final ClassService classes;

  ClassManageController(ClassService classes) {
    this.classes = classes;
  }

  /** One row of the management list. */
  record ManageRow(int index, ClassListItem item) {
    public TrainingClass c() {
      return item.trainingClass();
    }

    public boolean draft() {
      return item.status() == ClassStatus.DRAFT;
    }

    public boolean cancelled() {
      return item.trainingClass().cancelled();
    }
  }

  @GetMapping
  String list(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable String year,
      @RequestParam(defaultValue = "") @Size(max = 200) String name,
      @RequestParam(required = false) @Nullable String page,
      @RequestParam(required = false) @Nullable String size,
      Model model) {
    int currentYear = classes.today().getYear();
    ClassListFilters filters =
        new ClassListFilters(ClassListFilters.year(year, null), null, name, null, null, null, null);
    ClassQuery query = filters.query(user.instituteCode());
    int pageSize = PageLinks.size(size);
    PageResult<ClassListItem> result =
        classes.list(user, query, new Paging(PageLinks.page(page), pageSize));
    if (result.page() > result.pages()) {
      result = classes.list(user, query, new Paging(result.pages(), pageSize));
    }
    List<ManageRow> rows = new ArrayList<>();
    int index = (result.page() - 1) * result.size();
    for (ClassListItem item : result.items()) {
      rows.add(new ManageRow(++index, item));
    }
    List<Integer> years = ClassListFilters.years(currentYear);
    if (filters.year() != null && !years.contains(filters.year())) {
      years.add(filters.year());
    }
    model.addAttribute("filters", filters);
    model.addAttribute("years", years);
    model.addAttribute("result", result);
    model.addAttribute("rows", rows);
    model.addAttribute("pager", PageLinks.of("/manage/classes", filters.params(), result));
    return "training/catalog/manage";
  }

  @GetMapping("/new")
  String newForm(Model model) {
    model.addAttribute("form", ClassInput.newForm());
    return showForm(model, null);
  }

  @PostMapping("/new")
  String create(
      @AuthenticationPrincipal CurrentUser user,
      @ModelAttribute("form") @Nullable ClassInput form,
      BindingResult binding,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    if (form == null) {
      return unreadable(binding, response, model, null);
    }
    if (!binding.hasErrors()) {
      try {
        classes.create(user, form.completed());
        redirect.addFlashAttribute("flash", "classes.flash.saved");
        return "redirect:/manage/classes";
      } catch (CmisException e) {
        reject(binding, e, response);
      }
    } else {
      alsoCheck(form, binding, response);
    }
    return showForm(model, null);
  }

  @GetMapping("/{id}/edit")
  String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
    TrainingClass c = organised(user, id);
    model.addAttribute("form", ClassInput.of(c));
    return showForm(model, c);
  }

  @PostMapping("/{id}/edit")
  String edit(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      @ModelAttribute("form") @Nullable ClassInput form,
      BindingResult binding,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    TrainingClass c = organised(user, id);
    if (form == null) {
      return unreadable(binding, response, model, c);
    }
    if (!binding.hasErrors()) {
      try {
        // The form is complete: check it as a whole, so that a cleared field is an error and not
        // "unchanged" as in a PATCH.
        ClassInput input = form.completed();
        ClassRules.check(input, c.code());
        classes.update(user, id, input);
        redirect.addFlashAttribute("flash", "classes.flash.saved");
        return "redirect:/manage/classes";
      } catch (CmisException e) {
        reject(binding, e, response);
      }
    } else {
      alsoCheck(form, binding, response);
    }
    return showForm(model, c);
  }

  @PostMapping("/{id}/publish")
  String publish(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      RedirectAttributes redirect) {
    classes.update(user, id, ClassInput.publishedOnly());
    redirect.addFlashAttribute("flash", "classes.flash.published");
    return "redirect:/manage/classes";
  }

  @GetMapping("/{id}/cancel")
  String cancelForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
    model.addAttribute("c", organised(user, id));
    model.addAttribute("reason", "");
    return CANCEL;
  }

  @PostMapping("/{id}/cancel")
  String cancel(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String reason,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    TrainingClass c = organised(user, id);
    try {
      classes.cancel(user, id, reason);
      redirect.addFlashAttribute("flash", "classes.flash.cancelled");
      return "redirect:/manage/classes";
    } catch (CmisException e) {
      if (isPageError(e)) {
        throw e;
      }
      response.setStatus(e.code().status());
      boolean reasonError = e.errors().stream().anyMatch(f -> f.field().equals("reason"));
      model.addAttribute("reasonError", reasonError ? Reason.INVALID : null);
      model.addAttribute("globalError", reasonError ? null : e.getMessage());
    }
    model.addAttribute("c", c);
    model.addAttribute("reason", reason);
    return CANCEL;
  }

  /** The class, if the caller is staff of its organiser (404 when not visible, else 403). */
  private TrainingClass organised(CurrentUser user, long id) {
    TrainingClass c = classes.get(user, id);
    Access.requireOrganiser(user, c);
    return c;
  }

  private String showForm(Model model, @Nullable TrainingClass c) {
    model.addAttribute("c", c);
    model.addAttribute("firmsText", ClassFormBinding.firmsText(model));
    model.addAttribute("audiences", Audience.values());
    model.addAttribute("restrictions", TrainingClass.Restriction.values());
    model.addAttribute("modes", TrainingClass.ClassMode.values());
    model.addAttribute("confirmationModes", TrainingClass.ConfirmationMode.values());
    return FORM;
  }

  /** Shows a refusal on the form: under its fields, or above the form. */
  private static void reject(BindingResult binding, CmisException e, HttpServletResponse response) {
    if (isPageError(e)) {
      throw e;
    }
    response.setStatus(e.code().status());
    if (e.errors().isEmpty()) {
      binding.reject(e.getMessage(), e.getMessage());
    }
    for (FieldError error : e.errors()) {
      String field = error.field().equals("year") ? "trainingStart" : error.field();
      if (ClassFormBinding.FIELDS.contains(field)) {
        binding.rejectValue(field, error.message(), error.message());
      } else {
        binding.reject(error.message(), error.message());
      }
    }
  }

  /**
   * A field that could not be read (e.g. hours "abc") is already an error; the rules still check
   * the other fields, so that every mistake shows at once.
   */
  private static void alsoCheck(
      ClassInput form, BindingResult binding, HttpServletResponse response) {
    response.setStatus(ErrorCode.VALIDATION_FAILED.status());
    try {
      ClassRules.check(form.completed(), "X");
    } catch (CmisException e) {
      for (FieldError error : e.errors()) {
        String field = error.field().equals("year") ? "trainingStart" : error.field();
        if (ClassFormBinding.FIELDS.contains(field) && !binding.hasFieldErrors(field)) {
          binding.rejectValue(field, error.message(), error.message());
        }
      }
    }
  }

  /** Not found and forbidden are pages of their own, not form errors. */
  private static boolean isPageError(CmisException e) {
    return e.code() == ErrorCode.NOT_FOUND || e.code() == ErrorCode.FORBIDDEN;
  }

  /**
   * A form with a value that could not be read (e.g. hours "abc"): the record could not be
   * constructed, so the page is shown from the readable fields, with the binding's errors (which
   * keep what was sent) and those the rules find in the rest.
   */
  private String unreadable(
      BindingResult failed, HttpServletResponse response, Model model, @Nullable TrainingClass c) {
    ClassInput form = ClassFormBinding.readable(failed);
    BeanPropertyBindingResult binding = new BeanPropertyBindingResult(form, "form");
    binding.addAllErrors(failed);
    model.addAttribute("form", form);
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", binding);
    alsoCheck(form, binding, response);
    return showForm(model, c);
  }
}
