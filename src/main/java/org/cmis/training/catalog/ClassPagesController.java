package org.cmis.training.catalog;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.cmis.shared.BusinessTime;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.Role;
import org.cmis.shared.web.PageLinks;
import org.cmis.shared.web.TypedDates;
import org.cmis.training.Audience;
import org.cmis.training.ClassStatus;
import org.cmis.training.RegistrationStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The class list of every role (培训班报名 / 培训班查询, F3.3, F3.6) and a class's 报名详情 with the viewer's
 * registrations in it (F3.4).
 */
@Controller
class ClassPagesController {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ClassService classes;
  private final ClassRegistrationList registrations;

  ClassPagesController(ClassService classes, ClassRegistrationList registrations) {
    this.classes = classes;
    this.registrations = registrations;
  }

  /** One row of the class list. */
  record ClassRow(int index, ClassListItem item, boolean canRegister) {
    public TrainingClass c() {
      return item.trainingClass();
    }
  }

  /** One registration on the detail page, with what the viewer may do with it. */
  record RegistrationRow(ClassRegistrationList.Entry r, String registeredAt, boolean cancellable) {}

  @GetMapping("/classes")
  String list(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable String year,
      @RequestParam(required = false) @Nullable Audience audience,
      @RequestParam(defaultValue = "") @Size(max = 200) String name,
      @RequestParam(required = false) @Nullable String registrationStartFrom,
      @RequestParam(required = false) @Nullable String registrationEndTo,
      @RequestParam(required = false) @Nullable String trainingStartFrom,
      @RequestParam(required = false) @Nullable String trainingEndTo,
      @RequestParam(required = false) @Nullable String page,
      @RequestParam(required = false) @Nullable String size,
      Model model) {
    int currentYear = classes.today().getYear();
    // The dates are typed into one-tab-stop text fields (ADR 0038): a bad one is marked, not a 400.
    TypedDates dates = new TypedDates();
    LocalDate rsFrom = dates.parse("registrationStartFrom", registrationStartFrom);
    LocalDate reTo = dates.parse("registrationEndTo", registrationEndTo);
    LocalDate tsFrom = dates.parse("trainingStartFrom", trainingStartFrom);
    LocalDate teTo = dates.parse("trainingEndTo", trainingEndTo);
    dates.range(rsFrom, "registrationEndTo", reTo);
    dates.range(tsFrom, "trainingEndTo", teTo);
    ClassListFilters filters =
        new ClassListFilters(
            ClassListFilters.year(year, currentYear), audience, name, rsFrom, reTo, tsFrom, teTo);
    PageResult<ClassListItem> result =
        pageOf(user, filters.query(null), PageLinks.page(page), PageLinks.size(size));
    boolean registrant = user.is(Role.FIRM) || user.is(Role.MEMBER);
    List<ClassRow> rows = new ArrayList<>();
    int index = (result.page() - 1) * result.size();
    for (ClassListItem item : result.items()) {
      rows.add(new ClassRow(++index, item, registrant && canRegister(user, item)));
    }
    List<Integer> years = ClassListFilters.years(currentYear);
    if (filters.year() != null && !years.contains(filters.year())) {
      years.add(filters.year());
    }
    model.addAttribute("titleKey", registrant ? "nav.registration" : "nav.classQuery");
    model.addAttribute("registrant", registrant);
    model.addAttribute("filters", filters);
    model.addAttribute("dates", dates);
    model.addAttribute("years", years);
    model.addAttribute("audiences", Audience.values());
    model.addAttribute("result", result);
    model.addAttribute("rows", rows);
    model.addAttribute("pager", PageLinks.of("/classes", filters.params(), result));
    return "training/catalog/list";
  }

  @GetMapping("/classes/{id}")
  String detail(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      @RequestParam(required = false) @Nullable String page,
      @RequestParam(required = false) @Nullable String size,
      Model model) {
    TrainingClass c = classes.get(user, id);
    ClassListItem item = classes.item(user, c);
    boolean registrant = user.is(Role.FIRM) || user.is(Role.MEMBER);
    boolean organiser = Access.isOrganiser(user, c);
    boolean showRegistrations = registrant || organiser || user.is(Role.ADMIN);
    model.addAttribute("c", c);
    model.addAttribute("item", item);
    model.addAttribute("registrant", registrant);
    model.addAttribute("organiser", organiser);
    // A class its own staff manage belongs to 培训班管理 (breadcrumb and menu, ADR 0036).
    boolean managing = user.is(Role.STAFF) && organiser;
    model.addAttribute("managing", managing);
    if (managing) {
      model.addAttribute("currentPath", "/manage/classes");
    }
    model.addAttribute("canRegister", registrant && canRegister(user, item));
    model.addAttribute("showRegistrations", showRegistrations);
    if (showRegistrations) {
      int pageNo = PageLinks.page(page);
      int pageSize = PageLinks.size(size);
      PageResult<ClassRegistrationList.Entry> regs =
          registrations.page(user, id, new Paging(pageNo, pageSize));
      if (regs.page() > regs.pages()) {
        regs = registrations.page(user, id, new Paging(regs.pages(), pageSize));
      }
      LocalDate today = classes.today();
      boolean beforeDeadline = !today.isAfter(c.cancellationDeadline());
      List<RegistrationRow> rows =
          regs.items().stream()
              .map(
                  r ->
                      new RegistrationRow(
                          r,
                          r.registeredAt().atZoneSameInstant(BusinessTime.ZONE).format(TIME),
                          registrant && r.status().live() && beforeDeadline && !c.cancelled()))
              .toList();
      model.addAttribute("registrations", regs);
      model.addAttribute("registrationRows", rows);
      model.addAttribute("pager", PageLinks.of("/classes/" + id, regs));
    }
    return "training/catalog/detail";
  }

  /** A page of classes; a page past the end shows the last page instead. */
  private PageResult<ClassListItem> pageOf(CurrentUser user, ClassQuery query, int page, int size) {
    PageResult<ClassListItem> result = classes.list(user, query, new Paging(page, size));
    if (result.page() > result.pages()) {
      result = classes.list(user, query, new Paging(result.pages(), size));
    }
    return result;
  }

  /**
   * 报名 is offered to a firm or member while registration is open and the class is not a 三院 one; not
   * to a member whose registration is live already.
   */
  private static boolean canRegister(CurrentUser user, ClassListItem item) {
    if (item.status() != ClassStatus.OPEN || item.trainingClass().external()) {
      return false;
    }
    RegistrationStatus mine = item.myStatus();
    return !(user.is(Role.MEMBER) && mine != null && mine.live());
  }
}
