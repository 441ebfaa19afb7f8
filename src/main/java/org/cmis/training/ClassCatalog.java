package org.cmis.training;

import java.time.LocalDate;
import java.util.List;
import org.cmis.shared.CurrentUser;

/**
 * What other modules see of training's classes and notices: today the home page's latest notices
 * and the classes open for registration (web). Grows with its users (credits).
 */
public interface ClassCatalog {

  /** A notice in force, as a list names it. */
  record NoticeHeadline(long id, String title, LocalDate publishDate) {}

  /** A class open for registration today. */
  record OpenClass(long id, String name, LocalDate registrationEnd) {}

  /** The latest notices in force today. */
  List<NoticeHeadline> latestNotices(int count);

  /** The first classes open for registration today that the viewer may see. */
  List<OpenClass> openClasses(CurrentUser viewer, int count);
}
