package org.cmis.web;

import java.util.List;
import java.util.Set;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.Role;

/**
 * What each role can do today, for its home page (ADR 0036): the items of the left menu
 * (templates/fragments/layout.html) with a one-line description each. HomeMenuTest checks that this
 * list and the menu a role sees name the same pages, so a feature that adds a menu item adds its
 * line here too.
 */
final class HomeMenu {

  /** One thing a role can do: the page, its menu label and a line saying what it is for. */
  record Item(String path, String labelKey, String descriptionKey) {}

  private record Entry(Item item, Set<Role> roles) {}

  private static final Set<Role> ALL = Set.of(Role.values());

  private static final List<Entry> ENTRIES =
      List.of(
          entry("/classes", "nav.registration", "home.do.registration.member", Role.MEMBER),
          entry("/classes", "nav.registration", "home.do.registration.firm", Role.FIRM),
          entry("/manage/classes", "nav.classAdmin", "home.do.classAdmin", Role.STAFF),
          entry("/classes", "nav.classQuery", "home.do.classQuery", Role.STAFF, Role.ADMIN),
          entry("/check-in", "nav.checkIn", "home.do.checkIn", Role.MEMBER),
          entry("/hours", "nav.hours", "home.do.hours", Role.MEMBER),
          entry("/claims", "claims.nav", "home.do.claims.member", Role.MEMBER),
          entry("/claims", "claims.nav", "home.do.claims.firm", Role.FIRM),
          entry("/manage/claims", "claims.nav.queue", "home.do.claimQueue", Role.STAFF, Role.ADMIN),
          entry("/manage/external-hours", "claims.nav.external", "home.do.external", Role.STAFF),
          entry("/admin/claim-types", "claims.nav.types", "home.do.claimTypes", Role.ADMIN),
          entry("/hours/people", "nav.trainingStatus", "home.do.trainingStatus.firm", Role.FIRM),
          entry(
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
          entry("/profile", "nav.profile", "home.do.profile", Role.MEMBER),
          entry("/admin/institutes", "admin.nav.institutes", "home.do.institutes", Role.ADMIN),
          entry("/admin/staff", "admin.nav.staff", "home.do.staff", Role.ADMIN),
          entry("/admin/settings", "admin.nav.settings", "home.do.settings", Role.ADMIN),
          new Entry(new Item("/notices", "nav.notices", "home.do.notices"), ALL),
          new Entry(new Item("/messages", "nav.messages", "home.do.messages"), ALL),
          new Entry(new Item("/password/change", "nav.password", "home.do.password"), ALL),
          entry("/sync-log", "nav.syncLog", "home.do.syncLog", Role.STAFF, Role.ADMIN),
          entry("/admin/audit", "nav.audit", "home.do.audit", Role.ADMIN),
          new Entry(new Item("/help", "nav.help", "home.do.help"), ALL));

  private HomeMenu() {}

  private static Entry entry(String path, String label, String description, Role... roles) {
    return new Entry(new Item(path, label, description), Set.of(roles));
  }

  /** The items of the user's role, in the order of the left menu. */
  static List<Item> of(CurrentUser user) {
    return ENTRIES.stream().filter(e -> e.roles().contains(user.role())).map(Entry::item).toList();
  }
}
