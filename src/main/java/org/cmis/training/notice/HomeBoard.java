package org.cmis.training.notice;

import java.util.List;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.Paging;
import org.cmis.training.ClassStatus;
import org.cmis.training.catalog.ClassQuery;
import org.cmis.training.catalog.ClassService;
import org.springframework.stereotype.Service;

/** What the home page (首页) shows of training: the latest notices and the classes open now. */
@Service
public class HomeBoard {

  private final NoticeService notices;
  private final ClassService classes;

  HomeBoard(NoticeService notices, ClassService classes) {
    this.notices = notices;
    this.classes = classes;
  }

  /** The latest notices in force today. */
  public List<Notice> latestNotices(int count) {
    return notices.latest(count);
  }

  /** The first classes open for registration today that the viewer may see. */
  public List<LinkedClass> openClasses(CurrentUser viewer, int count) {
    ClassQuery open =
        new ClassQuery(null, null, null, null, null, null, null, ClassStatus.OPEN, null);
    return classes.list(viewer, open, new Paging(1, count)).items().stream()
        .map(item -> notices.linked(item.trainingClass()))
        .toList();
  }
}
