package org.cmis.training.notice;

import java.util.List;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.Paging;
import org.cmis.training.ClassCatalog;
import org.cmis.training.ClassStatus;
import org.cmis.training.catalog.ClassQuery;
import org.cmis.training.catalog.ClassService;
import org.cmis.training.registration.ClassesToTake;
import org.springframework.stereotype.Service;

/**
 * What the home page (首页) shows of training: the latest notices and the classes open now; and the
 * classes a member may still take, for its 学时查询.
 */
@Service
class HomeBoard implements ClassCatalog {

  private final NoticeService notices;
  private final ClassService classes;
  private final ClassesToTake toTake;

  HomeBoard(NoticeService notices, ClassService classes, ClassesToTake toTake) {
    this.notices = notices;
    this.classes = classes;
    this.toTake = toTake;
  }

  @Override
  public List<ClassOffer> classesToTake(CurrentUser member, int year, int count) {
    return toTake.forMember(member, year, count);
  }

  @Override
  public List<NoticeHeadline> latestNotices(int count) {
    return notices.latest(count).stream()
        .map(n -> new NoticeHeadline(n.id(), n.title(), n.publishDate()))
        .toList();
  }

  @Override
  public List<OpenClass> openClasses(CurrentUser viewer, int count) {
    ClassQuery open =
        new ClassQuery(null, null, null, null, null, null, null, ClassStatus.OPEN, null);
    return classes.list(viewer, open, new Paging(1, count)).items().stream()
        .map(item -> notices.linked(item.trainingClass()))
        .map(c -> new OpenClass(c.id(), c.name(), c.registrationEnd()))
        .toList();
  }
}
