package org.cmis.training.registration;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cmis.membership.MemberProfile;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.MemberNo;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.web.PageLinks;
import org.cmis.training.ClassStatus;
import org.cmis.training.RegistrationStatus;
import org.cmis.training.catalog.ClassService;
import org.cmis.training.catalog.TrainingClass;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The firm's bulk registration page (F4.2). Every button of the page posts the whole form: the
 * ticks and contact fields of the page shown go into the {@link RegistrationTray} first, then the
 * button acts (search, turn the page, remove, register) and the browser is redirected to the page
 * to show. Nothing ticked is lost when paging or searching, without any JavaScript.
 */
@Component
class BulkRegistrationPage {

  private static final int MAX_FIELD = 100;
  private static final Set<RegistrationService.Outcome> LEAVE_TRAY =
      EnumSet.of(
          RegistrationService.Outcome.REGISTERED,
          RegistrationService.Outcome.WAITLISTED,
          RegistrationService.Outcome.ALREADY_REGISTERED,
          RegistrationService.Outcome.NOT_IN_FIRM,
          RegistrationService.Outcome.NOT_ELIGIBLE);

  private final ClassService classes;
  private final RegistrationService registrations;
  private final EligiblePeople eligible;

  BulkRegistrationPage(
      ClassService classes, RegistrationService registrations, EligiblePeople eligible) {
    this.classes = classes;
    this.registrations = registrations;
    this.eligible = eligible;
  }

  /** One row of the people table: the person, whether ticked, and the contact data to send. */
  record Row(
      int index,
      EligiblePeople.Person person,
      boolean ticked,
      String mobile,
      String email,
      boolean mobileValid,
      boolean emailValid) {}

  /** One person's outcome of a submission, kept for the page shown after the redirect. */
  record ResultRow(
      String memberNo,
      String name,
      RegistrationService.Outcome outcome,
      @Nullable RegistrationStatus status)
      implements Serializable {}

  String show(
      CurrentUser firm,
      TrainingClass c,
      String name,
      String number,
      Paging paging,
      HttpSession session,
      Model model) {
    ClassStatus status = classes.item(firm, c).status();
    ClassPage.describe(c, status, model);
    RegistrationTray tray = RegistrationTray.of(session);
    PageResult<EligiblePeople.Person> people = eligible.page(firm, c, name, number, paging);
    if (paging.page() > people.pages()) {
      paging = new Paging(people.pages(), paging.size());
      people = eligible.page(firm, c, name, number, paging);
    }
    List<Row> rows = new ArrayList<>();
    int index = (int) paging.offset();
    for (EligiblePeople.Person p : people.items()) {
      RegistrationTray.Pick pick = tray.pick(c.id(), p.memberNo());
      String mobile = pick == null ? p.mobile() : pick.mobile();
      String email = pick == null ? p.email() : pick.email();
      rows.add(
          new Row(
              ++index,
              p,
              pick != null,
              mobile,
              email,
              pick == null || pick.mobileValid(),
              pick == null || pick.emailValid()));
    }
    List<RegistrationTray.Pick> picks = tray.picks(c.id());
    model.addAttribute("name", name.trim());
    model.addAttribute("number", number.trim());
    model.addAttribute("people", people);
    model.addAttribute("rows", rows);
    model.addAttribute("picks", picks);
    model.addAttribute("invalidPicks", picks.stream().filter(p -> !p.valid()).count());
    model.addAttribute("pager", PageLinks.of("/classes/" + c.id() + "/register", people));
    model.addAttribute("open", status == ClassStatus.OPEN && !c.external());
    if (!model.containsAttribute("bulkWaitlist")) {
      model.addAttribute("bulkWaitlist", false);
    }
    if (model.getAttribute("bulkResults") instanceof List<?> results) {
      model.addAttribute("registeredCount", count(results, RegistrationService.Outcome.REGISTERED));
      model.addAttribute("waitlistedCount", count(results, RegistrationService.Outcome.WAITLISTED));
    }
    return "training/registration/bulk";
  }

  String submit(
      CurrentUser firm,
      TrainingClass c,
      MultiValueMap<String, String> form,
      HttpSession session,
      RedirectAttributes redirect) {
    RegistrationTray tray = RegistrationTray.of(session);
    if (!sync(firm, c.id(), form, tray)) {
      redirect.addFlashAttribute("bulkError", "regpage.bulk.trayFull");
    }
    boolean waitlist = form.containsKey("waitlist");
    redirect.addFlashAttribute("bulkWaitlist", waitlist);
    String name = text(form.getFirst("currentName"));
    String number = text(form.getFirst("currentNumber"));
    int page = number(form.getFirst("currentPage"), 1);
    int size = Math.min(Paging.MAX_SIZE, number(form.getFirst("currentSize"), Paging.DEFAULT_SIZE));
    if (form.containsKey("goto")) {
      page = number(form.getFirst("goto"), 1);
    } else if (form.containsKey("resize")) {
      size = Math.min(Paging.MAX_SIZE, number(form.getFirst("resize"), Paging.DEFAULT_SIZE));
      page = 1;
    } else if (form.containsKey("locate")) {
      // Finds a ticked person on its page to correct its contact fields.
      number = text(form.getFirst("locate"));
      name = "";
      page = 1;
    } else if (form.containsKey("remove")) {
      tray.remove(c.id(), text(form.getFirst("remove")));
    } else {
      switch (text(form.getFirst("op"))) {
        case "jump" -> {
          // The paging bar's 确定: a changed page size starts again at page 1.
          int wanted = Math.min(Paging.MAX_SIZE, number(form.getFirst("pageSize"), size));
          if (wanted != size) {
            size = wanted;
            page = 1;
          } else {
            page = number(form.getFirst("jumpTo"), page);
          }
        }
        case "clear" -> tray.clear(c.id());
        case "register" -> register(firm, c, tray, waitlist, redirect);
        default -> {
          // 查询: the typed filters, from the first page.
          name = text(form.getFirst("name"));
          number = text(form.getFirst("number"));
          page = 1;
        }
      }
    }
    tray.save(session);
    UriComponentsBuilder to =
        UriComponentsBuilder.fromPath("/classes/{id}/register")
            .queryParam("page", page)
            .queryParam("size", size);
    if (!name.isEmpty()) {
      to.queryParam("name", name);
    }
    if (!number.isEmpty()) {
      to.queryParam("number", number);
    }
    return "redirect:" + to.buildAndExpand(c.id()).encode().toUriString();
  }

  /**
   * Puts the page's ticks into the tray: shown and unticked people leave it, ticked ones join or
   * update it with the contact fields as typed. Answers false when the tray was full.
   */
  private boolean sync(
      CurrentUser firm, long classId, MultiValueMap<String, String> form, RegistrationTray tray) {
    Set<String> picked = new LinkedHashSet<>();
    for (String no : form.getOrDefault("pick", List.of())) {
      if (MemberNo.isValid(no.trim())) {
        picked.add(no.trim());
      }
    }
    for (String no : form.getOrDefault("shown", List.of())) {
      if (!picked.contains(no.trim())) {
        tray.remove(classId, no.trim());
      }
    }
    List<String> newcomers = picked.stream().filter(no -> !tray.contains(classId, no)).toList();
    Map<String, MemberProfile> own =
        newcomers.isEmpty() ? Map.of() : eligible.ownPeople(firm, newcomers);
    boolean room = true;
    for (String no : picked) {
      RegistrationTray.Pick old = tray.pick(classId, no);
      MemberProfile profile = own.get(no);
      String name = old != null ? old.name() : profile != null ? profile.name() : no;
      String mobile =
          field(
              form,
              "mobile." + no,
              old != null ? old.mobile() : profile != null ? profile.mobile() : "");
      String email =
          field(
              form,
              "email." + no,
              old != null ? old.email() : profile != null ? profile.email() : "");
      room &= tray.put(classId, new RegistrationTray.Pick(no, name, mobile, email));
    }
    return room;
  }

  private void register(
      CurrentUser firm,
      TrainingClass c,
      RegistrationTray tray,
      boolean waitlist,
      RedirectAttributes redirect) {
    List<RegistrationTray.Pick> picks = tray.picks(c.id());
    if (picks.isEmpty()) {
      redirect.addFlashAttribute("bulkError", "regpage.bulk.nothingPicked");
      return;
    }
    long invalid = picks.stream().filter(p -> !p.valid()).count();
    if (invalid > 0) {
      redirect.addFlashAttribute("bulkError", "regpage.bulk.fixContacts");
      redirect.addFlashAttribute("bulkErrorArg", invalid);
      return;
    }
    List<RegistrationService.Result> results;
    try {
      results =
          registrations.registerPeople(
              firm,
              c.id(),
              picks.stream()
                  .map(p -> new RegistrationService.Applicant(p.memberNo(), p.mobile(), p.email()))
                  .toList(),
              waitlist);
    } catch (CmisException e) {
      redirect.addFlashAttribute("bulkError", Refusals.key(e));
      return;
    }
    ArrayList<ResultRow> rows = new ArrayList<>();
    for (RegistrationService.Result r : results) {
      RegistrationTray.Pick pick = tray.pick(c.id(), r.memberNo());
      rows.add(
          new ResultRow(
              r.memberNo(), pick == null ? r.memberNo() : pick.name(), r.outcome(), r.status()));
      if (LEAVE_TRAY.contains(r.outcome())) {
        tray.remove(c.id(), r.memberNo());
      }
    }
    redirect.addFlashAttribute("bulkResults", rows);
  }

  private static long count(List<?> results, RegistrationService.Outcome outcome) {
    return results.stream()
        .filter(r -> r instanceof ResultRow row && row.outcome() == outcome)
        .count();
  }

  private static String field(MultiValueMap<String, String> form, String name, String fallback) {
    String value = form.getFirst(name);
    if (value == null) {
      return fallback;
    }
    String v = value.trim();
    return v.length() > MAX_FIELD ? v.substring(0, MAX_FIELD) : v;
  }

  private static String text(@Nullable String value) {
    if (value == null) {
      return "";
    }
    String v = value.trim();
    return v.length() > 50 ? v.substring(0, 50) : v;
  }

  private static int number(@Nullable String value, int fallback) {
    try {
      int n = Integer.parseInt(value == null ? "" : value.trim());
      return n < 1 ? fallback : n;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
