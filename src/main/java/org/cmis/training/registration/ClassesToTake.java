package org.cmis.training.registration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cmis.membership.MemberDirectory;
import org.cmis.membership.MemberProfile;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.Role;
import org.cmis.training.ClassCatalog.ClassOffer;
import org.cmis.training.ClassStatus;
import org.cmis.training.catalog.ClassListItem;
import org.cmis.training.catalog.ClassQuery;
import org.cmis.training.catalog.ClassService;
import org.cmis.training.catalog.TrainingClass;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The classes a member may still register for in a training year (credits' 学时查询 lists them below a
 * shortfall): open today, published, not external, the member eligible (audience, restriction,
 * active) and without a live registration in them. Reads the open classes of the year a page at a
 * time (a year has a few hundred at most).
 */
@Service
public class ClassesToTake {

  /** Open classes read per query. */
  private static final int PAGE = 100;

  /** At most this many open classes are looked at (a guard, far above a year's count). */
  private static final int MAX_PAGES = 20;

  private final ClassService classes;
  private final MemberDirectory members;

  ClassesToTake(ClassService classes, MemberDirectory members) {
    this.classes = classes;
    this.members = members;
  }

  @Transactional(readOnly = true)
  public List<ClassOffer> forMember(CurrentUser member, int year, int count) {
    if (!member.is(Role.MEMBER) || member.memberNo() == null || count <= 0) {
      return List.of();
    }
    MemberProfile profile = members.profile(member.memberNo()).orElse(null);
    if (profile == null) {
      return List.of();
    }
    ClassQuery open =
        new ClassQuery(year, null, null, null, null, null, null, ClassStatus.OPEN, null);
    List<TrainingClass> found = new ArrayList<>();
    for (int page = 1; page <= MAX_PAGES; page++) {
      PageResult<ClassListItem> result = classes.list(member, open, new Paging(page, PAGE));
      for (ClassListItem item : result.items()) {
        TrainingClass c = item.trainingClass();
        boolean live = item.myStatus() != null && item.myStatus().live();
        if (!c.external() && !live && Eligibility.eligible(c, profile)) {
          found.add(c);
        }
      }
      if (page >= result.pages()) {
        break;
      }
    }
    return found.stream()
        .sorted(
            Comparator.comparing(TrainingClass::registrationEnd).thenComparing(TrainingClass::id))
        .limit(count)
        .map(
            c ->
                new ClassOffer(
                    c.id(),
                    c.name(),
                    c.instituteName(),
                    c.hours(),
                    c.ethicsHours(),
                    c.registrationEnd(),
                    c.trainingStart()))
        .toList();
  }
}
