package org.cmis.support;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
        SZ_STAFF,
        input(
            "测试班" + System.nanoTime(),
            today.minusDays(1),
            today.plusDays(5),
            today.plusDays(10),
            today.plusDays(11),
            capacity,
            max,
            auto,
            waitlist,
            true));
  }

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
    return new ClassInput(
        null,
        name,
        null,
        List.of("PRACTISING_CPA", "NON_PRACTISING"),
        null,
        null,
        null,
        "深圳",
        "",
        "",
        new BigDecimal("8"),
        new BigDecimal("2"),
        null,
        rs.toString(),
        re.toString(),
        ts.toString(),
        te.toString(),
        null,
        capacity,
        max,
        auto ? "AUTO" : "MANUAL",
        waitlist,
        null,
        null,
        published);
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
