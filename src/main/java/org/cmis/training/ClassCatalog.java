package org.cmis.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.cmis.shared.CurrentUser;

/**
 * What other modules see of training's classes and notices: the home page's latest notices and the
 * classes open for registration (web), and the classes a member may still take (credits).
 */
public interface ClassCatalog {

  /** A notice in force, as a list names it. */
  record NoticeHeadline(long id, String title, LocalDate publishDate) {}

  /** A class open for registration today. */
  record OpenClass(long id, String name, LocalDate registrationEnd) {}

  /**
   * A class a member may still register for (credits' 学时查询 suggests it to close a shortfall): its
   * hours and ethics hours, its organiser and its dates.
   */
  record ClassOffer(
      long id,
      String name,
      String instituteName,
      BigDecimal hours,
      BigDecimal ethicsHours,
      LocalDate registrationEnd,
      LocalDate trainingStart) {}

  /** The latest notices in force today. */
  List<NoticeHeadline> latestNotices(int count);

  /** The first classes open for registration today that the viewer may see. */
  List<OpenClass> openClasses(CurrentUser viewer, int count);

  /**
   * The classes of the training year that are open for registration today, published, not external
   * (三院), that the member is eligible for and holds no live registration in (pending, confirmed or
   * waitlisted): at most {@code count}, by registration end, soonest first. Empty for anyone but a
   * member.
   */
  List<ClassOffer> classesToTake(CurrentUser member, int year, int count);
}
