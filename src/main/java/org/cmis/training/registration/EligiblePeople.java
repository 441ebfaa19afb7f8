package org.cmis.training.registration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cmis.membership.MemberCategory;
import org.cmis.membership.MemberDirectory;
import org.cmis.membership.MemberProfile;
import org.cmis.membership.MemberQuery;
import org.cmis.membership.MemberSummary;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.training.Audience;
import org.cmis.training.RegistrationStatus;
import org.cmis.training.catalog.TrainingClass;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The firm's people who may register for a class (F4.2): its practising CPAs and practitioners in
 * the class's audiences who pass the class's restriction, with the live registration each holds.
 * Read through the membership directory in the firm's own scope; a firm's roster is small enough to
 * filter here.
 */
@Component
class EligiblePeople {

  private final MemberDirectory directory;
  private final RegistrationFinder finder;

  EligiblePeople(MemberDirectory directory, RegistrationFinder finder) {
    this.directory = directory;
    this.finder = finder;
  }

  /** One person of the list, with the live registration status it holds in the class. */
  record Person(
      String memberNo,
      String name,
      String gender,
      @Nullable LocalDate birthDate,
      String position,
      String mobile,
      String email,
      @Nullable RegistrationStatus live) {}

  /** One page of the firm's eligible people, ordered by member number. */
  PageResult<Person> page(
      CurrentUser firm, TrainingClass c, String name, String number, Paging paging) {
    String n = name.trim();
    String no = number.trim();
    String q = !no.isEmpty() ? no : n.isEmpty() ? null : n;
    List<MemberSummary> found = new ArrayList<>();
    for (Audience audience : c.audiences()) {
      if (audience == Audience.NON_PRACTISING) {
        continue; // not people of a firm
      }
      MemberCategory category = MemberCategory.valueOf(audience.name());
      for (int p = 1; ; p++) {
        PageResult<MemberSummary> page =
            directory.list(
                firm, new MemberQuery(firm.firmNo(), category, q), new Paging(p, Paging.MAX_SIZE));
        found.addAll(page.items());
        if (p >= page.pages()) {
          break;
        }
      }
    }
    List<MemberSummary> matching =
        found.stream()
            .filter(m -> n.isEmpty() || m.name().contains(n))
            .filter(
                m ->
                    no.isEmpty()
                        || m.memberNo()
                            .toUpperCase(Locale.ROOT)
                            .contains(no.toUpperCase(Locale.ROOT)))
            .toList();
    Map<String, MemberProfile> profiles =
        directory.profiles(matching.stream().map(MemberSummary::memberNo).toList());
    List<MemberProfile> eligible =
        matching.stream()
            .map(m -> profiles.get(m.memberNo()))
            .filter(p -> p != null && Eligibility.eligible(c, p))
            .sorted(Comparator.comparing(MemberProfile::memberNo))
            .toList();
    int from = (int) Math.min(eligible.size(), paging.offset());
    int to = Math.min(eligible.size(), from + paging.size());
    Map<String, RegistrationStatus> live = live(firm, c.id());
    List<Person> items =
        eligible.subList(from, to).stream()
            .map(
                p ->
                    new Person(
                        p.memberNo(),
                        p.name(),
                        p.gender(),
                        p.birthDate(),
                        p.position(),
                        p.mobile(),
                        p.email(),
                        live.get(p.memberNo())))
            .toList();
    return new PageResult<>(items, eligible.size(), paging.page(), paging.size());
  }

  /** The profiles of the given people who belong to the firm (others are not shown to it). */
  Map<String, MemberProfile> ownPeople(CurrentUser firm, Collection<String> memberNos) {
    Map<String, MemberProfile> own = new HashMap<>();
    directory
        .profiles(memberNos)
        .forEach(
            (no, p) -> {
              if (firm.firmNo() != null && firm.firmNo().equals(p.firmNo())) {
                own.put(no, p);
              }
            });
    return own;
  }

  /** The firm's people holding a live registration in the class, with its status. */
  private Map<String, RegistrationStatus> live(CurrentUser firm, long classId) {
    Map<String, RegistrationStatus> live = new HashMap<>();
    for (int p = 1; ; p++) {
      PageResult<Registration> page =
          finder.list(
              firm,
              new RegistrationQuery(classId, null, null, null, null),
              new Paging(p, Paging.MAX_SIZE));
      page.items().stream()
          .filter(r -> r.status().live())
          .forEach(r -> live.put(r.memberNo(), r.status()));
      if (p >= page.pages()) {
        return live;
      }
    }
  }
}
