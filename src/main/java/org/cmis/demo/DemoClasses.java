package org.cmis.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.cmis.training.catalog.ClassInput;
import org.jspecify.annotations.Nullable;

/**
 * The demo training classes (API.md, Demo data): classes of SZ and BJ in every status, including
 * one 三院 external class, for the current year, with their dates set relative to the day the demo
 * data is loaded, a few registrations in one open class, and the attended, absent and declared
 * registrations of four past classes ({@link DemoHours}). Pure: no database. Every date is kept
 * inside the current year (a date that would fall outside is clamped to 1 January or 31 December),
 * so on the first and the last day of a year a class may show a neighbouring status. The Chinese
 * texts live in {@code demo/classes.properties}.
 */
public final class DemoClasses {

  static final String TEXTS_RESOURCE = "/demo/classes.properties";

  /** The 三院 class links to its institute's own site. */
  public static final String EXTERNAL_URL = "https://www.snai.edu/";

  /** The class that holds the demo registrations. */
  public static final String REGISTRATION_CLASS = "sz-open-quality";

  private static final String CPA = "PRACTISING_CPA";
  private static final String NON_PRACTISING = "NON_PRACTISING";
  private static final String PRACTITIONER = "PRACTITIONER";

  /**
   * A demo class: its writable fields as every class has them ({@link ClassInput}), its organiser,
   * whether it has been cancelled and why; {@code intended} is the status it is meant to show
   * (API.md, ClassStatus).
   */
  public record DemoClass(
      String key,
      String intended,
      String instituteCode,
      ClassInput input,
      boolean cancelled,
      @Nullable String cancelReason) {}

  /**
   * A demo registration of a demo member in the class with the given key; {@code attendance} is
   * ATTENDED, ABSENT or null (not recorded), {@code declared} whether it declared non-attendance.
   */
  public record DemoRegistration(
      String classKey,
      String memberNo,
      String status,
      String channel,
      @Nullable String attendance,
      boolean declared) {

    /** A registration without attendance and declaration. */
    public DemoRegistration(String classKey, String memberNo, String status, String channel) {
      this(classKey, memberNo, status, channel, null, false);
    }
  }

  /** What differs between the demo classes, besides their texts; offsets are days from today. */
  private record Spec(
      String key,
      String institute,
      String intended,
      int rs,
      int re,
      int ts,
      int te,
      List<String> audiences,
      String mode,
      String hours,
      String ethicsHours,
      String fee,
      int capacity,
      int max,
      boolean auto,
      boolean waitlist) {}

  private static final List<Spec> SPECS =
      List.of(
          new Spec(
              "sz-open-quality",
              "SZ",
              "OPEN",
              -5,
              10,
              20,
              21,
              List.of(CPA),
              "ON_SITE",
              "16",
              "2",
              "0",
              300,
              350,
              false,
              false),
          new Spec(
              "sz-open-esg",
              "SZ",
              "OPEN",
              -3,
              7,
              14,
              14,
              List.of(CPA, NON_PRACTISING),
              "LIVE",
              "8",
              "0",
              "0",
              500,
              500,
              true,
              false),
          new Spec(
              "sz-open-culture",
              "SZ",
              "OPEN",
              -1,
              12,
              18,
              18,
              List.of(CPA, NON_PRACTISING, PRACTITIONER),
              "ON_SITE",
              "4",
              "4",
              "0",
              200,
              240,
              false,
              true),
          new Spec(
              "sz-not-open",
              "SZ",
              "NOT_OPEN",
              10,
              25,
              35,
              36,
              List.of(CPA),
              "ON_SITE",
              "16",
              "0",
              "0",
              400,
              450,
              false,
              false),
          new Spec(
              "sz-closed",
              "SZ",
              "CLOSED",
              -20,
              -3,
              4,
              5,
              List.of(CPA),
              "ON_SITE",
              "16",
              "2",
              "0",
              120,
              150,
              false,
              false),
          new Spec(
              "sz-in-progress",
              "SZ",
              "IN_PROGRESS",
              -30,
              -8,
              -1,
              1,
              List.of(CPA, PRACTITIONER),
              "ON_SITE",
              "24",
              "0",
              "0",
              100,
              120,
              false,
              false),
          new Spec(
              "sz-finished",
              "SZ",
              "FINISHED",
              -60,
              -40,
              -30,
              -29,
              List.of(PRACTITIONER),
              "ON_SITE",
              "8",
              "4",
              "0",
              250,
              300,
              false,
              false),
          new Spec(
              "sz-draft",
              "SZ",
              "DRAFT",
              5,
              20,
              30,
              30,
              List.of(CPA, NON_PRACTISING),
              "ONLINE",
              "6",
              "0",
              "0",
              300,
              300,
              false,
              false),
          new Spec(
              "sz-cancelled",
              "SZ",
              "CANCELLED",
              -10,
              5,
              12,
              12,
              List.of(CPA),
              "ON_SITE",
              "8",
              "0",
              "0",
              150,
              150,
              false,
              false),
          new Spec(
              "sz-external",
              "SZ",
              "OPEN",
              -7,
              14,
              40,
              44,
              List.of(CPA),
              "ON_SITE",
              "32",
              "0",
              "6800",
              100,
              100,
              false,
              false),
          new Spec(
              "bj-open",
              "BJ",
              "OPEN",
              -2,
              9,
              15,
              16,
              List.of(CPA),
              "ON_SITE",
              "16",
              "4",
              "0",
              150,
              180,
              false,
              false),
          new Spec(
              "bj-not-open",
              "BJ",
              "NOT_OPEN",
              8,
              20,
              28,
              29,
              List.of(CPA),
              "ON_SITE",
              "8",
              "0",
              "0",
              350,
              400,
              false,
              false),
          new Spec(
              "bj-closed",
              "BJ",
              "CLOSED",
              -15,
              -2,
              3,
              4,
              List.of(CPA),
              "ON_SITE",
              "16",
              "0",
              "0",
              180,
              200,
              false,
              false),
          new Spec(
              "bj-in-progress",
              "BJ",
              "IN_PROGRESS",
              -20,
              -5,
              0,
              2,
              List.of(NON_PRACTISING),
              "LIVE",
              "12",
              "2",
              "0",
              500,
              500,
              false,
              false),
          new Spec(
              "bj-finished",
              "BJ",
              "FINISHED",
              -45,
              -25,
              -20,
              -19,
              List.of(CPA),
              "ON_SITE",
              "8",
              "0",
              "0",
              200,
              220,
              false,
              false),
          new Spec(
              "bj-draft",
              "BJ",
              "DRAFT",
              15,
              30,
              40,
              41,
              List.of(CPA),
              "ON_SITE",
              "16",
              "0",
              "0",
              300,
              320,
              false,
              false),
          new Spec(
              "sz-past-audit",
              "SZ",
              "FINISHED",
              -110,
              -95,
              -80,
              -78,
              List.of(CPA),
              "ON_SITE",
              "24",
              "2",
              "0",
              300,
              350,
              false,
              false),
          new Spec(
              "sz-past-ethics",
              "SZ",
              "FINISHED",
              -90,
              -70,
              -60,
              -59,
              List.of(CPA),
              "ON_SITE",
              "16",
              "4",
              "0",
              300,
              350,
              false,
              false),
          new Spec(
              "bj-past-audit",
              "BJ",
              "FINISHED",
              -100,
              -85,
              -75,
              -73,
              List.of(CPA),
              "ON_SITE",
              "24",
              "2",
              "0",
              150,
              180,
              false,
              false),
          new Spec(
              "bj-past-ethics",
              "BJ",
              "FINISHED",
              -85,
              -66,
              -55,
              -54,
              List.of(CPA),
              "ON_SITE",
              "16",
              "4",
              "0",
              150,
              180,
              false,
              false),
          new Spec(
              "bj-cancelled",
              "BJ",
              "CANCELLED",
              -12,
              3,
              10,
              10,
              List.of(CPA),
              "ON_SITE",
              "8",
              "0",
              "0",
              150,
              160,
              false,
              false));

  /** Registrations in the first open class of SZ: confirmed and pending, by members and firms. */
  private static final List<DemoRegistration> REGISTRATIONS =
      List.of(
          new DemoRegistration(REGISTRATION_CLASS, "440300010001", "CONFIRMED", "SELF"),
          new DemoRegistration(REGISTRATION_CLASS, "440300010002", "CONFIRMED", "FIRM"),
          new DemoRegistration(REGISTRATION_CLASS, "440300010003", "PENDING", "FIRM"),
          new DemoRegistration(REGISTRATION_CLASS, "440300010004", "PENDING", "SELF"),
          new DemoRegistration(REGISTRATION_CLASS, "440300020001", "CONFIRMED", "FIRM"),
          new DemoRegistration(REGISTRATION_CLASS, "440300020002", "PENDING", "FIRM"));

  private DemoClasses() {}

  /** The demo classes as loaded on the given day, in code order per institute. */
  public static List<DemoClass> on(LocalDate today) {
    Properties texts = loadTexts();
    LocalDate first = LocalDate.of(today.getYear(), 1, 1);
    LocalDate last = LocalDate.of(today.getYear(), 12, 31);
    Map<String, Integer> serials = new LinkedHashMap<>();
    List<DemoClass> classes = new ArrayList<>();
    for (Spec s : SPECS) {
      int serial = serials.merge(s.institute(), 1, Integer::sum);
      LocalDate rs = clamp(today.plusDays(s.rs()), first, last);
      LocalDate re = clamp(today.plusDays(s.re()), first, last);
      LocalDate ts = clamp(today.plusDays(s.ts()), first, last);
      LocalDate te = clamp(today.plusDays(s.te()), first, last);
      LocalDate cd = clamp(ts.minusDays(1), first, ts);
      boolean external = s.key().endsWith("external");
      boolean cancelled = s.intended().equals("CANCELLED");
      classes.add(
          new DemoClass(
              s.key(),
              s.intended(),
              s.institute(),
              new ClassInput(
                  String.format(Locale.ROOT, "%s-%d-%03d", s.institute(), today.getYear(), serial),
                  text(texts, s.key() + ".name").replace("{0}", Integer.toString(today.getYear())),
                  today.getYear(),
                  s.audiences(),
                  null,
                  null,
                  s.mode(),
                  text(texts, s.key() + ".location"),
                  text(texts, s.key() + ".teachers"),
                  text(texts, s.key() + ".description"),
                  new BigDecimal(s.hours()),
                  new BigDecimal(s.ethicsHours()),
                  new BigDecimal(s.fee()),
                  rs.toString(),
                  re.toString(),
                  ts.toString(),
                  te.toString(),
                  cd.toString(),
                  s.capacity(),
                  s.max(),
                  s.auto() ? "AUTO" : "MANUAL",
                  s.waitlist(),
                  external,
                  external ? EXTERNAL_URL : null,
                  !s.intended().equals("DRAFT")),
              cancelled,
              cancelled ? text(texts, s.key() + ".reason") : null));
    }
    return classes;
  }

  /** The demo registrations: those of the open class, then those of the past ones (DemoHours). */
  public static List<DemoRegistration> registrations() {
    List<DemoRegistration> all = new ArrayList<>(REGISTRATIONS);
    all.addAll(DemoHours.registrations());
    return List.copyOf(all);
  }

  private static LocalDate clamp(LocalDate date, LocalDate from, LocalDate to) {
    return date.isBefore(from) ? from : date.isAfter(to) ? to : date;
  }

  /** A text of {@code demo/classes.properties}. */
  static String text(String key) {
    return text(loadTexts(), key);
  }

  private static String text(Properties texts, String key) {
    String value = texts.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Missing " + key + " in " + TEXTS_RESOURCE);
    }
    return value.trim();
  }

  private static Properties loadTexts() {
    try (InputStream in = DemoClasses.class.getResourceAsStream(TEXTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + TEXTS_RESOURCE);
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
