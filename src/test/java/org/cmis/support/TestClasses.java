package org.cmis.support;

import java.time.Clock;
import java.time.LocalDate;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.Role;
import org.cmis.training.catalog.ClassInput;
import org.cmis.training.catalog.ClassService;
import org.cmis.training.catalog.TrainingClass;
import org.springframework.stereotype.Component;

/** Creates classes of institute SZ for tests, open for registration today unless told. */
@Component
public class TestClasses {

  /** The demo staff of SZ as a principal (account id is not used by the services). */
  public static final CurrentUser SZ_STAFF =
      new CurrentUser(-1, Role.STAFF, "sz-staff", "sz-staff", "SZ", null, null);

  private final ClassService classes;
  private final Clock clock;

  public TestClasses(ClassService classes, Clock clock) {
    this.classes = classes;
    this.clock = clock;
  }

  /** A published, open class for practising CPAs with the given places. */
  public TrainingClass open(int capacity, int max, boolean auto, boolean waitlist) {
    LocalDate today = LocalDate.now(clock);
    return classes.create(
        SZ_STAFF, aClass(today).places(capacity, max).auto(auto).waitlist(waitlist).build());
  }

  /**
   * A published, open class whose registration opened today: it sorts before the classes other
   * tests opened yesterday, so capped lists (at most 100 per status) always show it.
   */
  public TrainingClass openedToday(int capacity, int max) {
    LocalDate today = LocalDate.now(clock);
    return classes.create(
        SZ_STAFF,
        aClass(today).registration(today, today.plusDays(5)).places(capacity, max).build());
  }

  /**
   * A published class of SZ open for registration today, with every field filled in (see {@link
   * ClassBuilder#valid}); change what the test is about, then {@code build()} or {@code stored()}.
   */
  public static ClassBuilder aClass() {
    return ClassBuilder.valid(LocalDate.now());
  }

  /** A class as {@link #aClass()}, its dates relative to the given day. */
  public static ClassBuilder aClass(LocalDate today) {
    return ClassBuilder.valid(today);
  }

  /** Nothing given: a PATCH that changes only what the test sets. */
  public static ClassBuilder patch() {
    return new ClassBuilder();
  }

  /** A class for practising and non-practising CPAs with the given dates, places and flags. */
  public static ClassInput input(
      String name,
      LocalDate rs,
      LocalDate re,
      LocalDate ts,
      LocalDate te,
      int capacity,
      int max,
      boolean auto,
      boolean waitlist,
      boolean published) {
    return aClass(rs.plusDays(1))
        .name(name)
        .teachers("")
        .description("")
        .registration(rs, re)
        .training(ts, te)
        .places(capacity, max)
        .auto(auto)
        .waitlist(waitlist)
        .published(published)
        .build();
  }

  /** A demo practising CPA of SZ firm n (1..20), serial s (1..50), as a principal. */
  public static CurrentUser member(int firm, int serial) {
    String no = "4403%04d%04d".formatted(firm, serial);
    return new CurrentUser(-1, Role.MEMBER, no, no, "SZ", "4403%04d".formatted(firm), no);
  }

  /** A demo firm of SZ (1..20) as a principal. */
  public static CurrentUser firm(int firm) {
    String no = "4403%04d".formatted(firm);
    return new CurrentUser(-1, Role.FIRM, no, no, "SZ", no, null);
  }
}
