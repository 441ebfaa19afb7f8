package org.cmis.membership.profile;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cmis.membership.HistoryEntry;
import org.cmis.membership.InstituteDirectory;
import org.cmis.membership.MemberDetails;
import org.cmis.shared.BusinessTime;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.web.PageLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 个人信息 (F2.3): a member's own page, with its platform-owned fields read-only beside the link to the
 * supervision platform and the support phones (seed section 三), its local fields in a form, and the
 * history of its changes. {@code /members/{memberNo}} shows the same read-only to the member's
 * firm, staff of its institute and admin.
 */
@Controller
class ProfilePageController {

  static final String OWN = "/profile";
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final int MAX_FIELD = 300;

  private final ProfileService profiles;
  private final SupervisionPlatform platform;
  private final InstituteDirectory institutes;
  private final MessageSource messages;
  private final String nationalPhones;

  ProfilePageController(
      ProfileService profiles,
      SupervisionPlatform platform,
      InstituteDirectory institutes,
      MessageSource messages,
      @Value("${cmis.support.national-phones}") String nationalPhones) {
    this.profiles = profiles;
    this.platform = platform;
    this.institutes = institutes;
    this.messages = messages;
    this.nationalPhones = nationalPhones;
  }

  /** One row of the history as the page shows it: values in words, ID numbers still masked. */
  record HistoryRow(String at, String by, String field, String from, String to) {}

  @GetMapping(OWN)
  @PreAuthorize("hasRole('MEMBER')")
  String own(
      @AuthenticationPrincipal CurrentUser me,
      @RequestParam(required = false) @Nullable String page,
      @RequestParam(required = false) @Nullable String size,
      Model model) {
    MemberDetails d = profiles.view(me, String.valueOf(me.memberNo()));
    model.addAttribute("mobile", d.mobile());
    model.addAttribute("email", d.email());
    model.addAttribute("address", d.address());
    model.addAttribute("errors", Map.of());
    return render(me, d, true, page, size, model);
  }

  @PostMapping(OWN)
  @PreAuthorize("hasRole('MEMBER')")
  String save(
      @AuthenticationPrincipal CurrentUser me,
      @RequestParam(defaultValue = "") String mobile,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String address,
      Model model,
      RedirectAttributes redirect) {
    String no = String.valueOf(me.memberNo());
    MemberDetails before = profiles.view(me, no);
    Map<String, String> errors = new HashMap<>();
    try {
      MemberDetails after =
          profiles.change(me, no, List.of(), cut(mobile), cut(email), cut(address));
      boolean same =
          after.mobile().equals(before.mobile())
              && after.email().equals(before.email())
              && after.address().equals(before.address());
      redirect.addFlashAttribute("flash", same ? "profile.local.unchanged" : "profile.local.saved");
      return "redirect:" + OWN;
    } catch (CmisException e) {
      if (e.code() != ErrorCode.VALIDATION_FAILED) {
        throw e;
      }
      e.errors().forEach(fe -> errors.putIfAbsent(fe.field(), fe.message()));
    }
    model.addAttribute("mobile", mobile.strip());
    model.addAttribute("email", email.strip());
    model.addAttribute("address", address.strip());
    model.addAttribute("errors", errors);
    return render(me, before, true, null, null, model);
  }

  @GetMapping("/members/{memberNo}")
  String member(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable String memberNo,
      @RequestParam(required = false) @Nullable String page,
      @RequestParam(required = false) @Nullable String size,
      Model model) {
    MemberDetails d = profiles.view(caller, memberNo);
    if (ProfileAccess.mayChange(caller, d)) {
      return "redirect:" + OWN;
    }
    return render(caller, d, false, page, size, model);
  }

  private String render(
      CurrentUser caller,
      MemberDetails d,
      boolean own,
      @Nullable String page,
      @Nullable String size,
      Model model) {
    Paging paging = new Paging(PageLinks.page(page), PageLinks.size(size));
    PageResult<HistoryEntry> history = profiles.history(caller, d.memberNo(), paging);
    if (history.total() > 0 && paging.page() > history.pages()) {
      paging = new Paging(history.pages(), paging.size());
      history = profiles.history(caller, d.memberNo(), paging);
    }
    Locale locale = LocaleContextHolder.getLocale();
    List<HistoryRow> rows =
        history.items().stream()
            .map(
                h ->
                    new HistoryRow(
                        h.at().atZoneSameInstant(BusinessTime.ZONE).format(AT),
                        h.by(),
                        text("profile.field." + h.field(), h.field(), locale),
                        value(h.field(), h.from(), locale),
                        value(h.field(), h.to(), locale)))
            .toList();
    String path = own ? OWN : "/members/" + d.memberNo();
    model.addAttribute("d", d);
    model.addAttribute("own", own);
    model.addAttribute("platformUrl", platform.url());
    model.addAttribute("nationalPhones", nationalPhones);
    model.addAttribute("institute", institutes.find(d.instituteCode()).orElse(null));
    model.addAttribute("history", rows);
    model.addAttribute("historyTotal", history.total());
    model.addAttribute(
        "pager",
        PageLinks.of(path, new PageResult<>(rows, history.total(), paging.page(), paging.size())));
    return "profile/profile";
  }

  /** A history value in words: M → 男, PRACTISING_CPA → 执业注册会计师, true → 是; empty → —. */
  private String value(String field, @Nullable String v, Locale locale) {
    if (v == null || v.isEmpty()) {
      return "—";
    }
    return switch (field) {
      case "gender", "category", "partner", "active" ->
          text("profile." + field + "." + v, v, locale);
      default -> v;
    };
  }

  private String text(String key, String fallback, Locale locale) {
    return messages.getMessage(key, null, fallback, locale);
  }

  private static String cut(String value) {
    return value.length() > MAX_FIELD ? value.substring(0, MAX_FIELD) : value;
  }
}
