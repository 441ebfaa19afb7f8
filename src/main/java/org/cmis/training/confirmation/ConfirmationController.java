package org.cmis.training.confirmation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cmis.membership.MemberDirectory;
import org.cmis.membership.MemberProfile;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.PageResult;
import org.cmis.shared.web.PageLinks;
import org.cmis.training.Reason;
import org.cmis.training.RegistrationStatus;
import org.cmis.training.catalog.Access;
import org.cmis.training.catalog.ClassService;
import org.cmis.training.catalog.TrainingClass;
import org.cmis.training.registration.Ineligibility;
import org.cmis.training.registration.Registration;
import org.cmis.training.registration.RegistrationFinder;
import org.cmis.training.registration.RegistrationService;
import org.cmis.training.registration.RegistrationService.ConfirmOutcome;
import org.cmis.training.registration.RegistrationService.ConfirmResult;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 报名确认 for staff of the organising institute (F4.4, F4.7, F4.8): the class's registrations filtered
 * and paged, bulk confirm and return, confirm up to capacity, late registration, the Excel export
 * and the sign-in sheet. Every change goes through {@link RegistrationService}.
 */
@Controller
@PreAuthorize("hasRole('STAFF')")
class ConfirmationController {

  private static final String PAGE = "/manage/classes/{id}/registrations";
  private static final String VIEW = "training/confirmation/registrations";
  private final ClassService classes;
  private final RegistrationService registrations;
  private final RegistrationFinder finder;
  private final Roster roster;
  private final RegistrationExport export;
  private final MemberDirectory members;
  private final MessageSource messages;

  ConfirmationController(
      ClassService classes,
      RegistrationService registrations,
      RegistrationFinder finder,
      Roster roster,
      RegistrationExport export,
      MemberDirectory members,
      MessageSource messages) {
    this.classes = classes;
    this.registrations = registrations;
    this.finder = finder;
    this.roster = roster;
    this.export = export;
    this.members = members;
    this.messages = messages;
  }

  @GetMapping(PAGE)
  String page(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      @ModelAttribute("filter") Filter filter,
      BindingResult binding,
      Model model) {
    refuseMalformed(binding);
    return render(user, organised(user, id), filter, model);
  }

  @PostMapping(PAGE + "/confirm")
  String confirm(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      @RequestParam(required = false) @Nullable List<Long> ids,
      @ModelAttribute("filter") Filter filter,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    refuseMalformed(binding);
    TrainingClass c = organised(user, id);
    if (ids == null || ids.isEmpty() || ids.size() > RegistrationService.MAX_PEOPLE) {
      model.addAttribute("bulkError", "confirmation.select");
      return render(user, c, filter, model);
    }
    List<ConfirmResult> results;
    try {
      results = registrations.confirmMany(user, id, ids, false);
    } catch (CmisException | DataAccessException e) {
      model.addAttribute("bulkError", problemKey(e));
      model.addAttribute("checked", Set.copyOf(ids));
      return render(user, c, filter, model);
    }
    int confirmed = 0;
    int full = 0;
    int invalid = 0;
    List<String> notes = new ArrayList<>();
    for (ConfirmResult r : results) {
      if (r.outcome() == ConfirmOutcome.CONFIRMED) {
        confirmed++;
      } else if (r.outcome() == ConfirmOutcome.CAPACITY_REACHED) {
        full++;
        notes.add(text("confirmation.note.full", label(user, r.registrationId())));
      } else {
        invalid++;
        notes.add(text("confirmation.note.invalid", label(user, r.registrationId())));
      }
    }
    String summary =
        text("confirmation.result.confirmed", confirmed)
            + (full > 0 ? text("confirmation.result.full", full) : "")
            + (invalid > 0 ? text("confirmation.result.invalid", invalid) : "");
    return done(id, filter, redirect, summary, notes);
  }

  @PostMapping(PAGE + "/reject")
  String reject(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      @RequestParam(required = false) @Nullable List<Long> ids,
      @RequestParam(defaultValue = "") String reason,
      @ModelAttribute("filter") Filter filter,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    refuseMalformed(binding);
    TrainingClass c = organised(user, id);
    String why = reason.trim();
    if (ids == null || ids.isEmpty() || ids.size() > RegistrationService.MAX_PEOPLE) {
      model.addAttribute("bulkError", "confirmation.select");
      model.addAttribute("reason", why);
      return render(user, c, filter, model);
    }
    if (!Reason.valid(why)) {
      model.addAttribute("reasonError", Reason.INVALID);
      model.addAttribute("reason", why);
      model.addAttribute("checked", Set.copyOf(ids));
      return render(user, c, filter, model);
    }
    int rejected = 0;
    List<String> notes = new ArrayList<>();
    for (long registrationId : new LinkedHashSet<>(ids)) {
      // Each return is its own transaction: one refusal must not undo or hide the others.
      try {
        Registration r = registrations.visibleRegistration(user, registrationId);
        if (r.classId() != id) {
          throw new CmisException(ErrorCode.NOT_FOUND, "error.NOT_FOUND");
        }
        registrations.reject(user, registrationId, why);
        rejected++;
      } catch (CmisException | DataAccessException e) {
        notes.add(
            text(
                "confirmation.note.notRejected", label(user, registrationId), text(problemKey(e))));
      }
    }
    String summary =
        text("confirmation.result.rejected", rejected)
            + (notes.isEmpty() ? "" : text("confirmation.result.notRejected", notes.size()));
    return done(id, filter, redirect, summary, notes);
  }

  @PostMapping(PAGE + "/confirm-up-to-capacity")
  String confirmUpToCapacity(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      @ModelAttribute("filter") Filter filter,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    refuseMalformed(binding);
    TrainingClass c = organised(user, id);
    List<ConfirmResult> results;
    try {
      results = registrations.confirmMany(user, id, null, true);
    } catch (CmisException | DataAccessException e) {
      model.addAttribute("bulkError", problemKey(e));
      return render(user, c, filter, model);
    }
    long confirmed = results.stream().filter(r -> r.outcome() == ConfirmOutcome.CONFIRMED).count();
    TrainingClass after = classes.get(user, id);
    int pendingLeft = after.registeredCount() - after.confirmedCount();
    String summary =
        confirmed == 0 && pendingLeft == 0
            ? text("confirmation.result.nonePending")
            : text("confirmation.result.upTo", confirmed)
                + (pendingLeft > 0 ? text("confirmation.result.full", pendingLeft) : "");
    return done(id, filter, redirect, summary, List.of());
  }

  @PostMapping(PAGE + "/late")
  String late(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String memberNos,
      @RequestParam(defaultValue = "false") boolean waitlist,
      @ModelAttribute("filter") Filter filter,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    refuseMalformed(binding);
    TrainingClass c = organised(user, id);
    // One number a line; commas, semicolons and spaces (also full-width ones) separate too.
    List<String> numbers =
        Arrays.stream(memberNos.split("[\\s,;\\u3000\\uFF0C\\uFF1B\\u3001]+"))
            .filter(s -> !s.isEmpty())
            .toList();
    model.addAttribute("lateInput", memberNos);
    model.addAttribute("lateWaitlist", waitlist);
    if (numbers.isEmpty()) {
      model.addAttribute("lateError", "confirmation.late.required");
      return render(user, c, filter, model);
    }
    if (numbers.size() > RegistrationService.MAX_PEOPLE) {
      model.addAttribute("lateError", "registration.people.size");
      return render(user, c, filter, model);
    }
    List<RegistrationService.Result> results;
    try {
      results =
          registrations.registerPeople(
              user,
              id,
              numbers.stream().map(n -> new RegistrationService.Applicant(n, null, null)).toList(),
              waitlist);
    } catch (CmisException | DataAccessException e) {
      if (e instanceof CmisException x && isScopeRefusal(x)) {
        throw x;
      }
      model.addAttribute("lateError", problemKey(e));
      return render(user, c, filter, model);
    }
    Map<String, MemberProfile> profiles = members.profiles(new LinkedHashSet<>(numbers));
    List<LateRow> rows = new ArrayList<>();
    int ok = 0;
    for (RegistrationService.Result r : results) {
      boolean took =
          r.outcome() == RegistrationService.Outcome.REGISTERED
              || r.outcome() == RegistrationService.Outcome.WAITLISTED;
      ok += took ? 1 : 0;
      String key =
          r.outcome() == RegistrationService.Outcome.REGISTERED
                  && r.status() == RegistrationStatus.CONFIRMED
              ? "confirmation.late.outcome.REGISTERED_CONFIRMED"
              : "confirmation.late.outcome." + r.outcome().name();
      MemberProfile p = profiles.get(r.memberNo());
      if (r.outcome() == RegistrationService.Outcome.NOT_ELIGIBLE) {
        key += "." + Ineligibility.of(user, c, p).name();
      }
      rows.add(new LateRow(r.memberNo(), p == null ? "" : p.name(), text(key), took));
    }
    redirect.addFlashAttribute("lateRows", rows);
    redirect.addFlashAttribute(
        "lateResult", text("confirmation.late.result", ok, results.size() - ok));
    filter.keep(redirect);
    return "redirect:/manage/classes/" + id + "/registrations#late";
  }

  @GetMapping(PAGE + "/export")
  ResponseEntity<byte[]> export(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      @RequestParam(required = false) @Nullable RegistrationStatus status) {
    return export.download(roster.forOrganiser(user, id, status), status);
  }

  @GetMapping("/manage/classes/{id}/sign-in-sheet")
  String signInSheet(
      @AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
    Roster.Listing listing = roster.forOrganiser(user, id, RegistrationStatus.CONFIRMED);
    model.addAttribute("c", listing.trainingClass());
    model.addAttribute("entries", listing.entries());
    return "training/confirmation/sign-in-sheet";
  }

  private String render(CurrentUser user, TrainingClass c, Filter filter, Model model) {
    PageResult<Registration> result;
    try {
      result = finder.list(user, filter.query(c.id()), filter.paging());
    } catch (CmisException e) {
      if (e.code() != ErrorCode.FORBIDDEN) {
        throw e;
      }
      // A firm of another institute has no registrations in this institute's class.
      result = new PageResult<>(List.of(), 0, filter.pageOr1(), filter.sizeOr20());
    }
    model.addAttribute("c", c);
    model.addAttribute("classStatus", c.statusOn(classes.today()));
    model.addAttribute("pending", c.registeredCount() - c.confirmedCount());
    // What 按报名顺序确认至满员 would confirm, for the question asked before it (ADR 0037).
    model.addAttribute(
        "upToCount",
        Math.min(
            c.registeredCount() - c.confirmedCount(),
            Math.max(0, c.capacity() - c.confirmedCount())));
    model.addAttribute("result", result);
    model.addAttribute("firstIndex", (result.page() - 1L) * result.size());
    model.addAttribute(
        "pager",
        PageLinks.of("/manage/classes/" + c.id() + "/registrations", filter.params(), result));
    model.addAttribute("firmNames", roster.firmNames(result.items()));
    model.addAttribute("statuses", RegistrationStatus.values());
    model.addAttribute("filter", filter);
    if (!model.containsAttribute("checked")) {
      model.addAttribute("checked", Set.of());
    }
    return VIEW;
  }

  /** A class of the caller's own institute; others are refused (or not found, if unseen). */
  private TrainingClass organised(CurrentUser user, long id) {
    TrainingClass c = classes.get(user, id);
    Access.requireOrganiser(user, c);
    return c;
  }

  private String done(
      long id, Filter filter, RedirectAttributes redirect, String summary, List<String> notes) {
    redirect.addFlashAttribute("confirmationResult", summary);
    redirect.addFlashAttribute("confirmationNotes", new ArrayList<>(notes));
    filter.keep(redirect);
    return "redirect:/manage/classes/" + id + "/registrations";
  }

  /** "张三（440300010001）", or the registration number when it cannot be read. */
  private String label(CurrentUser user, long registrationId) {
    try {
      Registration r = registrations.visibleRegistration(user, registrationId);
      return text("confirmation.person", r.name(), r.memberNo());
    } catch (CmisException e) {
      return "#" + registrationId;
    }
  }

  private static String problemKey(RuntimeException e) {
    return e instanceof CmisException x ? x.getMessage() : "error.BUSY";
  }

  private static boolean isScopeRefusal(CmisException e) {
    return e.code() == ErrorCode.FORBIDDEN || e.code() == ErrorCode.NOT_FOUND;
  }

  private static void refuseMalformed(BindingResult binding) {
    if (binding.hasErrors()) {
      throw new CmisException(ErrorCode.MALFORMED_REQUEST, "error.MALFORMED_REQUEST");
    }
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }
}
