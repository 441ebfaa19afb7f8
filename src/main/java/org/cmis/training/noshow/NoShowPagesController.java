package org.cmis.training.noshow;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.Role;
import org.cmis.shared.web.ClientAddress;
import org.cmis.shared.web.PageLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The no-show pages (F5.3): 未到人员通报 for staff ({@code /manage/no-shows}: their institute's no-shows
 * filtered by period, firm and class, the 通报 preview and its publication), and 未到人员 for a firm (its
 * people) and a member (itself) on {@code /no-shows}. A filter that is not a date or an id answers
 * 400 and a period ending before it starts 422, each with the field marked; a page number that is
 * not one shows page 1, as on every list page.
 */
@Controller
class NoShowPagesController {

  private static final String MANAGE = "/manage/no-shows";
  private static final String OWN = "/no-shows";
  private static final String LIST = "training/noshow/list";

  private final NoShowFinder finder;
  private final NoShowBulletin bulletin;

  NoShowPagesController(NoShowFinder finder, NoShowBulletin bulletin) {
    this.finder = finder;
    this.bulletin = bulletin;
  }

  /** The filters as typed, shown again in the form. */
  record Typed(String from, String to, String firmNo, String classId) {
    static Typed of(
        @Nullable String from,
        @Nullable String to,
        @Nullable String firmNo,
        @Nullable String classId) {
      return new Typed(text(from), text(to), text(firmNo), text(classId));
    }

    private static String text(@Nullable String s) {
      String t = s == null ? "" : s.strip();
      return t.length() > 50 ? t.substring(0, 50) : t;
    }
  }

  @GetMapping(MANAGE)
  @PreAuthorize("hasRole('STAFF')")
  String manage(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String firmNo,
      @RequestParam(required = false) @Nullable String classId,
      @RequestParam(required = false) @Nullable String page,
      @RequestParam(required = false) @Nullable String size,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("classes", finder.classes(user));
    return list(user, MANAGE, Typed.of(from, to, firmNo, classId), page, size, model, response);
  }

  @GetMapping(OWN)
  @PreAuthorize("hasAnyRole('FIRM', 'MEMBER')")
  String own(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String page,
      @RequestParam(required = false) @Nullable String size,
      Model model,
      HttpServletResponse response) {
    return list(user, OWN, Typed.of(from, to, null, null), page, size, model, response);
  }

  /** The 通报 as it would be published, with the button that publishes it. */
  @GetMapping(MANAGE + "/bulletin")
  @PreAuthorize("hasRole('STAFF')")
  String preview(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String firmNo,
      @RequestParam(required = false) @Nullable String classId,
      Model model,
      HttpServletResponse response) {
    Typed typed = Typed.of(from, to, firmNo, classId);
    NoShowQuery q;
    NoShowBulletin.Draft draft;
    try {
      q = NoShowQuery.parse(from, to, firmNo, classId);
      draft = bulletin.compile(user, q);
    } catch (CmisException e) {
      return refused(user, typed, e, model, response);
    }
    model.addAttribute("typed", typed);
    model.addAttribute("query", q);
    model.addAttribute("draft", draft);
    return "training/noshow/bulletin";
  }

  /** Publishes the 通报 of the filters as a notice and shows it. */
  @PostMapping(MANAGE + "/bulletin")
  @PreAuthorize("hasRole('STAFF')")
  String publish(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String firmNo,
      @RequestParam(required = false) @Nullable String classId,
      HttpServletRequest request,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Typed typed = Typed.of(from, to, firmNo, classId);
    long id;
    try {
      id =
          bulletin.publish(
              user, NoShowQuery.parse(from, to, firmNo, classId), ClientAddress.of(request));
    } catch (CmisException e) {
      return refused(user, typed, e, model, response);
    }
    redirect.addFlashAttribute("flash", "noshows.bulletin.published");
    return "redirect:/notices/" + id;
  }

  /** The staff list again with the refusal's fields marked, answered with its status. */
  private String refused(
      CurrentUser user, Typed typed, CmisException e, Model model, HttpServletResponse response) {
    if (e.errors().isEmpty()) {
      throw e;
    }
    model.addAttribute("classes", finder.classes(user));
    return list(user, MANAGE, typed, null, null, model, response, e);
  }

  private String list(
      CurrentUser user,
      String path,
      Typed typed,
      @Nullable String page,
      @Nullable String size,
      Model model,
      HttpServletResponse response) {
    return list(user, path, typed, page, size, model, response, null);
  }

  /**
   * The list of the typed filters; with a refusal, its fields marked and its status. Filters that
   * cannot be read show no rows and their own marks.
   */
  private String list(
      CurrentUser user,
      String path,
      Typed typed,
      @Nullable String page,
      @Nullable String size,
      Model model,
      HttpServletResponse response,
      @Nullable CmisException refusal) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    CmisException shown = refusal;
    PageResult<NoShow> result;
    PageLinks pager;
    try {
      NoShowQuery q = NoShowQuery.parse(typed.from(), typed.to(), typed.firmNo(), typed.classId());
      result = finder.list(user, q, new Paging(PageLinks.page(page), PageLinks.size(size)));
      if (result.page() > result.pages()) {
        result = finder.list(user, q, new Paging(result.pages(), result.size()));
      }
      pager = PageLinks.of(path, q.params(), result);
    } catch (CmisException e) {
      if (e.errors().isEmpty()) {
        throw e;
      }
      shown = e;
      result = new PageResult<>(List.of(), 0, 1, PageLinks.size(size));
      pager = PageLinks.of(path, Map.of(), result);
    }
    if (shown != null) {
      for (FieldError error : shown.errors()) {
        errors.computeIfAbsent(error.field(), f -> new ArrayList<>()).add(error.message());
      }
      response.setStatus(shown.code() == ErrorCode.MALFORMED_REQUEST ? 400 : 422);
    }
    fill(user, path, typed, result, pager, errors, model);
    return LIST;
  }

  private static void fill(
      CurrentUser user,
      String path,
      Typed typed,
      PageResult<NoShow> result,
      PageLinks pager,
      Map<String, List<String>> errors,
      Model model) {
    boolean staff = user.is(Role.STAFF);
    model.addAttribute("staff", staff);
    model.addAttribute("firm", user.is(Role.FIRM));
    model.addAttribute("path", path);
    model.addAttribute("titleKey", staff ? "nav.noShows" : "nav.firmNoShows");
    model.addAttribute("typed", typed);
    model.addAttribute("result", result);
    model.addAttribute("pager", pager);
    model.addAttribute("errors", errors);
    model.addAttribute("maxRows", NoShowBulletin.MAX_ROWS);
    if (!model.containsAttribute("classes")) {
      model.addAttribute("classes", List.of());
    }
  }
}
