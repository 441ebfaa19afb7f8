package org.cmis.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.Role;

/**
 * What each role can do today (ADR 0036): the left menu of every page
 * (templates/fragments/layout.html renders {@link #side}) and the home page's list of the same
 * items with a one-line description each. One list, so a feature that adds a menu item adds its
 * line here; PagesAgreeTest checks that every item marks itself active on its own page.
 */
final class HomeMenu {

  /** One thing a role can do: the page, its menu label and a line saying what it is for. */
  record Item(String path, String labelKey, String descriptionKey) {}

  /** An item of the left menu: the page, its label, whether the current page belongs to it. */
  record Link(String path, String labelKey, boolean active) {}

  /** Which current paths an item is the menu item of. */
  private record Entry(Item item, Set<Role> roles, Predicate<String> owns) {}

  private static final Set<Role> ALL = Set.of(Role.values());

  private static final List<Entry> ENTRIES =
      List.of(
          entry("/classes", "nav.registration", "home.do.registration.member", Role.MEMBER),
          entry("/classes", "nav.registration", "home.do.registration.firm", Role.FIRM),
          entry("/manage/classes", "nav.classAdmin", "home.do.classAdmin", Role.STAFF),
          entry("/classes", "nav.classQuery", "home.do.classQuery", Role.STAFF, Role.ADMIN),
          entry("/check-in", "nav.checkIn", "home.do.checkIn", Role.MEMBER),
          entry(
              p -> p.equals("/hours") || p.startsWith("/hours/") && !p.startsWith("/hours/people"),
              "/hours",
              "nav.hours",
              "home.do.hours",
              Role.MEMBER),
          entry("/claims", "claims.nav", "home.do.claims.member", Role.MEMBER),
          entry("/claims", "claims.nav", "home.do.claims.firm", Role.FIRM),
          entry(
              prefix("/manage/claims", "/claims"),
              "/manage/claims",
              "claims.nav.queue",
              "home.do.claimQueue",
              Role.STAFF,
              Role.ADMIN),
          entry("/manage/external-hours", "claims.nav.external", "home.do.external", Role.STAFF),
          entry("/admin/claim-types", "claims.nav.types", "home.do.claimTypes", Role.ADMIN),
          entry(
              prefix("/hours/people", "/hours/firms"),
              "/hours/people",
              "nav.trainingStatus",
              "home.do.trainingStatus.firm",
              Role.FIRM),
          entry(
              prefix("/hours/people", "/hours/firms"),
              "/hours/people",
              "nav.trainingStatus",
              "home.do.trainingStatus.staff",
              Role.STAFF,
              Role.ADMIN),
          entry("/no-shows", "nav.firmNoShows", "home.do.noShows.firm", Role.FIRM),
          entry("/no-shows", "nav.firmNoShows", "home.do.noShows.member", Role.MEMBER),
          entry("/manage/attendance", "nav.attendance", "home.do.attendance", Role.STAFF),
          entry("/manage/hours", "nav.hoursAdmin", "home.do.hoursAdmin", Role.STAFF),
          entry(
              "/manage/password-resets",
              "nav.passwordResets",
              "home.do.passwordResets",
              Role.STAFF,
              Role.ADMIN),
          entry("/manage/no-shows", "nav.noShows", "home.do.noShowBulletins", Role.STAFF),
          entry("/firm/people", "nav.roster", "home.do.roster", Role.FIRM),
          entry("/manage/imports", "nav.imports", "home.do.imports", Role.STAFF, Role.ADMIN),
          entry("/admin/compliance-rules", "nav.rules", "home.do.rules", Role.ADMIN),
          entry(exactly("/profile"), "/profile", "nav.profile", "home.do.profile", Role.MEMBER),
          entry("/admin/institutes", "admin.nav.institutes", "home.do.institutes", Role.ADMIN),
          entry("/admin/staff", "admin.nav.staff", "home.do.staff", Role.ADMIN),
          entry("/admin/settings", "admin.nav.settings", "home.do.settings", Role.ADMIN),
          everyone(
              prefix("/notices", "/manage/notices"), "/notices", "nav.notices", "home.do.notices"),
          everyone(exactly("/messages"), "/messages", "nav.messages", "home.do.messages"),
          everyone(
              exactly("/password/change"), "/password/change", "nav.password", "home.do.password"),
          entry("/sync-log", "nav.syncLog", "home.do.syncLog", Role.STAFF, Role.ADMIN),
          entry(exactly("/admin/audit"), "/admin/audit", "nav.audit", "home.do.audit", Role.ADMIN),
          everyone(exactly("/help"), "/help", "nav.help", "home.do.help"));

  private HomeMenu() {}

  private static Entry entry(String path, String label, String description, Role... roles) {
    return new Entry(new Item(path, label, description), Set.of(roles), prefix(path));
  }

  private static Entry entry(
      Predicate<String> owns, String path, String label, String description, Role... roles) {
    return new Entry(new Item(path, label, description), Set.of(roles), owns);
  }

  private static Entry everyone(Predicate<String> owns, String path, String label, String d) {
    return new Entry(new Item(path, label, d), ALL, owns);
  }

  private static Predicate<String> prefix(String... paths) {
    return current -> {
      for (String p : paths) {
        if (current.startsWith(p)) {
          return true;
        }
      }
      return false;
    };
  }

  private static Predicate<String> exactly(String path) {
    return path::equals;
  }

  /**
   * The left menu of a page: 首页, then the role's items, the one the current path belongs to active.
   */
  static List<Link> side(CurrentUser user, String currentPath) {
    List<Link> links = new ArrayList<>();
    links.add(new Link("/", "nav.home", "/".equals(currentPath)));
    for (Entry e : ENTRIES) {
      if (e.roles().contains(user.role())) {
        links.add(new Link(e.item().path(), e.item().labelKey(), e.owns().test(currentPath)));
      }
    }
    return links;
  }

  /** The items of the user's role, in the order of the left menu. */
  static List<Item> of(CurrentUser user) {
    return ENTRIES.stream().filter(e -> e.roles().contains(user.role())).map(Entry::item).toList();
  }
}
