package org.cmis.membership.roster;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cmis.membership.MemberCategory;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.web.PageLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 人员管理 (F2.5) for a firm: its 从业人员 (added, edited and deactivated here) and its CPAs (read-only,
 * from the supervision platform), each list paged and searchable.
 */
@Controller
@PreAuthorize("hasRole('FIRM')")
@RequestMapping("/firm/people")
class RosterPageController {

  private static final String LIST = "roster/people";
  private static final String FORM = "roster/form";

  private final FirmRoster roster;

  RosterPageController(FirmRoster roster) {
    this.roster = roster;
  }

  @GetMapping
  String list(
      @AuthenticationPrincipal CurrentUser firm,
      @RequestParam(defaultValue = "practitioners") String tab,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) @Nullable String page,
      @RequestParam(required = false) @Nullable String size,
      Model model) {
    boolean cpas = tab.equals("cpas");
    String query = q.length() > 50 ? q.substring(0, 50) : q;
    PageResult<RosterPerson> result =
        roster.people(
            firm,
            firm.firmNo() == null ? "" : firm.firmNo(),
            cpas ? MemberCategory.PRACTISING_CPA : MemberCategory.PRACTITIONER,
            query,
            new Paging(PageLinks.page(page), PageLinks.size(size)));
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("tab", cpas ? "cpas" : "practitioners");
    filters.put("q", query);
    model.addAttribute("tab", cpas ? "cpas" : "practitioners");
    model.addAttribute("q", query);
    model.addAttribute("result", result);
    model.addAttribute("pager", PageLinks.of("/firm/people", filters, result));
    return LIST;
  }

  @GetMapping("/new")
  String newForm(Model model) {
    model.addAttribute("form", new PractitionerInput("", "", "", "", "", ""));
    model.addAttribute("memberNo", null);
    return FORM;
  }

  @PostMapping("/new")
  String add(
      @AuthenticationPrincipal CurrentUser firm,
      @ModelAttribute("form") PractitionerInput form,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    try {
      RosterPerson p = roster.add(firm, form);
      redirect.addFlashAttribute("flash", "roster.flash.added");
      redirect.addFlashAttribute("addedNo", p.memberNo());
      return "redirect:/firm/people";
    } catch (CmisException e) {
      return refused(e, response, model, null);
    }
  }

  @GetMapping("/{memberNo}/edit")
  String editForm(
      @AuthenticationPrincipal CurrentUser firm, @PathVariable String memberNo, Model model) {
    RosterPerson p = roster.person(firm, memberNo);
    String idNumber = roster.idNumberForEdit(firm, memberNo);
    model.addAttribute(
        "form",
        new PractitionerInput(
            p.name(),
            p.gender(),
            idNumber == null ? "" : idNumber,
            p.mobile(),
            p.email(),
            p.position()));
    model.addAttribute("memberNo", memberNo);
    model.addAttribute("person", p);
    return FORM;
  }

  @PostMapping("/{memberNo}/edit")
  String edit(
      @AuthenticationPrincipal CurrentUser firm,
      @PathVariable String memberNo,
      @ModelAttribute("form") PractitionerInput form,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    try {
      roster.edit(firm, memberNo, form);
      redirect.addFlashAttribute("flash", "roster.flash.saved");
      return "redirect:/firm/people";
    } catch (CmisException e) {
      return refused(e, response, model, memberNo);
    }
  }

  @PostMapping("/{memberNo}/deactivate")
  String deactivate(
      @AuthenticationPrincipal CurrentUser firm,
      @PathVariable String memberNo,
      RedirectAttributes redirect) {
    roster.deactivate(firm, memberNo);
    redirect.addFlashAttribute("flash", "roster.flash.deactivated");
    return "redirect:/firm/people";
  }

  /** The form again with the field errors (422), or the refusal as the page's error. */
  private String refused(
      CmisException e, HttpServletResponse response, Model model, @Nullable String memberNo) {
    if (e.code() == ErrorCode.NOT_FOUND || e.code() == ErrorCode.FORBIDDEN) {
      throw e;
    }
    response.setStatus(e.code().status());
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldError f : e.errors()) {
      errors.putIfAbsent(f.field(), f.message());
    }
    model.addAttribute("errors", errors);
    model.addAttribute("globalError", e.errors().isEmpty() ? e.getMessage() : null);
    model.addAttribute("memberNo", memberNo);
    return FORM;
  }
}
