package org.cmis.training.confirmation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cmis.shared.Paging;
import org.cmis.training.RegistrationStatus;
import org.cmis.training.registration.RegistrationQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The filters of the confirmation list (状态, 事务所, 姓名) and its page, kept across the actions so that
 * staff come back to the list they acted on. Over-long text is cut, not refused.
 */
public record Filter(
    @Nullable RegistrationStatus status,
    @Nullable String firmNo,
    @Nullable String name,
    @Nullable Integer page,
    @Nullable Integer size) {

  private static final int MAX_TEXT = 50;

  public Filter {
    firmNo = clean(firmNo);
    name = clean(name);
  }

  static Filter none() {
    return new Filter(null, null, null, null, null);
  }

  public String firm() {
    return firmNo == null ? "" : firmNo;
  }

  public String who() {
    return name == null ? "" : name;
  }

  public int pageOr1() {
    return page == null ? 1 : page;
  }

  public int sizeOr20() {
    return size == null ? Paging.DEFAULT_SIZE : size;
  }

  Paging paging() {
    return new Paging(pageOr1(), sizeOr20());
  }

  RegistrationQuery query(long classId) {
    return new RegistrationQuery(
        classId, status, null, firm().isEmpty() ? null : firm(), who().isEmpty() ? null : who());
  }

  /** Adds the filters to a redirect back to the list. */
  void keep(RedirectAttributes redirect) {
    if (status != null) {
      redirect.addAttribute("status", status.name());
    }
    if (!firm().isEmpty()) {
      redirect.addAttribute("firmNo", firm());
    }
    if (!who().isEmpty()) {
      redirect.addAttribute("name", who());
    }
    if (page != null && page > 1) {
      redirect.addAttribute("page", page);
    }
    if (size != null) {
      redirect.addAttribute("size", size);
    }
  }

  /** The list's address with these filters on another page. */
  /** The filters as query parameters, for the paging bar. */
  Map<String, String> params() {
    Map<String, String> params = new LinkedHashMap<>();
    if (status != null) {
      params.put("status", status.name());
    }
    if (!firm().isEmpty()) {
      params.put("firmNo", firm());
    }
    if (!who().isEmpty()) {
      params.put("name", who());
    }
    return params;
  }

  private static String clean(@Nullable String text) {
    String t = text == null ? "" : text.trim();
    return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t;
  }
}
