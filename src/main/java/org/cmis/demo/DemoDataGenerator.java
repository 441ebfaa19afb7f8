package org.cmis.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import org.cmis.demo.DemoDataSet.Account;
import org.cmis.demo.DemoDataSet.Category;
import org.cmis.demo.DemoDataSet.Firm;
import org.cmis.demo.DemoDataSet.Institute;
import org.cmis.demo.DemoDataSet.LoginType;
import org.cmis.demo.DemoDataSet.Member;
import org.cmis.demo.DemoDataSet.Role;
import org.cmis.shared.CreditCode;
import org.cmis.shared.IdNumber;
import org.jspecify.annotations.Nullable;

/**
 * Builds the demo data set (API.md, Demo data) from a fixed seed, so that every run gives the same
 * rows. Pure: no database. The Chinese name parts live in {@code demo/names.properties}.
 */
public final class DemoDataGenerator {

  /** The seed of the pseudo-random sequence: change it and every name and number changes. */
  public static final long SEED = 2026L;

  public static final int SZ_FIRMS = 20;
  public static final int BJ_FIRMS = 5;
  public static final int CPAS_PER_FIRM = 50;
  public static final int PRACTITIONERS_PER_FIRM = 5;
  public static final int NON_PRACTISING_PER_INSTITUTE = 50;

  static final String NAMES_RESOURCE = "/demo/names.properties";

  private static final String EMAIL_DOMAIN = "example.com";
  private static final String OFFICE_EMAIL_DOMAIN = "example.cn";
  private static final int FIRST_PRACTITIONER_NO = 1001;
  private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final LocalDate BORN_FROM = LocalDate.of(1960, 1, 1);
  private static final LocalDate BORN_UNTIL = LocalDate.of(1999, 1, 1); // exclusive
  private static final LocalDate PARTNERS_BORN_UNTIL = LocalDate.of(1983, 1, 1); // exclusive

  /** GB 11714 weights of the organisation code check character. */
  private static final int[] ORG_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

  /** What differs between the two demo institutes, besides the texts of names.properties. */
  private record InstituteSpec(
      String code,
      int firms,
      String firmPrefix,
      String divisionCode,
      String nonPractisingPrefix,
      String staffAccount,
      List<String> localRegions,
      List<String> otherRegions) {}

  private static final List<InstituteSpec> INSTITUTES =
      List.of(
          new InstituteSpec(
              "SZ",
              SZ_FIRMS,
              "4403",
              "440300",
              "44039900",
              "sz-staff",
              List.of("440303", "440304", "440305", "440306", "440307", "440309"),
              List.of(
                  "440106", "440402", "441302", "445102", "430104", "360102", "420106", "350203",
                  "450102", "510104")),
          new InstituteSpec(
              "BJ",
              BJ_FIRMS,
              "1101",
              "110000",
              "11019900",
              "bj-staff",
              List.of("110101", "110102", "110105", "110106", "110108"),
              List.of(
                  "120101", "130102", "140105", "370102", "410105", "210102", "220102", "320102")));

  private final Properties names;
  private final Random random = new Random(SEED);
  private final List<String> surnames;
  private final List<String> givenNames;
  private final List<String> staffPositions;
  private final String director;
  private final String partner;
  private final Set<String> mobiles = new HashSet<>();
  private final Set<String> idNumbers = new HashSet<>();
  private final Set<String> creditCodes = new HashSet<>();
  private int nextPractitioner = FIRST_PRACTITIONER_NO;

  private DemoDataGenerator(Properties names) {
    this.names = names;
    this.surnames = list("surnames");
    this.givenNames = list("given");
    this.staffPositions = list("positions.staff");
    this.director = text("positions.director");
    this.partner = text("positions.partner");
  }

  /** The demo data set; the same on every call. */
  public static DemoDataSet generate() {
    return new DemoDataGenerator(loadNames()).build();
  }

  private DemoDataSet build() {
    List<Institute> institutes = new ArrayList<>();
    List<Firm> firms = new ArrayList<>();
    List<Member> members = new ArrayList<>();
    List<Account> accounts = new ArrayList<>();

    accounts.add(
        new Account(
            LoginType.STAFF,
            Role.ADMIN,
            "admin",
            text("staff.admin"),
            null,
            null,
            null,
            "admin@example.cn",
            ""));

    List<String> firmWords = new ArrayList<>(list("firm.words"));
    Collections.shuffle(firmWords, random);
    int firmWord = 0;

    for (InstituteSpec spec : INSTITUTES) {
      String key = "institute." + spec.code() + ".";
      institutes.add(
          new Institute(
              spec.code(),
              text(key + "name"),
              text(key + "phone"),
              text(key + "email"),
              text(key + "department")));
      accounts.add(
          new Account(
              LoginType.STAFF,
              Role.STAFF,
              spec.staffAccount(),
              text("staff." + spec.staffAccount()),
              spec.code(),
              null,
              null,
              spec.staffAccount() + "@example.cn",
              ""));

      List<String> suffixes = list(key + "firm-suffixes");
      List<String> streets = list(key + "streets");
      for (int f = 1; f <= spec.firms(); f++) {
        String firmNo = spec.firmPrefix() + fourDigits(f);
        String name = text(key + "city") + firmWords.get(firmWord++) + pick(suffixes);
        String address =
            fill(
                text(key + "address"),
                pick(streets),
                Integer.toString(1 + random.nextInt(300)),
                Integer.toString(3 + random.nextInt(38)));
        String contactMobile = mobile();
        Firm firm =
            new Firm(
                firmNo,
                name,
                creditCode(spec.divisionCode()),
                spec.code(),
                address,
                personName(),
                contactMobile,
                "office" + firmNo + "@" + OFFICE_EMAIL_DOMAIN);
        firms.add(firm);
        accounts.add(
            new Account(
                LoginType.FIRM,
                Role.FIRM,
                firmNo,
                name,
                spec.code(),
                firmNo,
                null,
                firm.contactEmail(),
                firm.contactMobile()));

        addCpas(spec, firmNo, members, accounts);
        for (int p = 0; p < PRACTITIONERS_PER_FIRM; p++) {
          String memberNo = String.format(Locale.ROOT, "P%08d", nextPractitioner++);
          members.add(
              member(
                  spec,
                  memberNo,
                  memberNo.toLowerCase(Locale.ROOT) + "@" + OFFICE_EMAIL_DOMAIN,
                  pick(staffPositions),
                  false,
                  Category.PRACTITIONER,
                  firmNo));
        }
      }

      for (int n = 1; n <= NON_PRACTISING_PER_INSTITUTE; n++) {
        String memberNo = spec.nonPractisingPrefix() + fourDigits(n);
        Member member =
            member(
                spec,
                memberNo,
                "cpa" + memberNo + "@" + EMAIL_DOMAIN,
                pick(staffPositions),
                false,
                Category.NON_PRACTISING,
                null);
        members.add(member);
        accounts.add(memberAccount(member));
      }
    }
    return new DemoDataSet(institutes, firms, members, accounts);
  }

  /** The practising CPAs of a firm: exactly one director and one to three further partners. */
  private void addCpas(
      InstituteSpec spec, String firmNo, List<Member> members, List<Account> accounts) {
    List<Integer> serials = new ArrayList<>();
    for (int s = 1; s <= CPAS_PER_FIRM; s++) {
      serials.add(s);
    }
    Collections.shuffle(serials, random);
    int directorSerial = serials.get(0);
    Set<Integer> partnerSerials = new HashSet<>(serials.subList(1, 2 + random.nextInt(3)));
    for (int s = 1; s <= CPAS_PER_FIRM; s++) {
      String memberNo = firmNo + fourDigits(s);
      String position;
      if (s == directorSerial) {
        position = director;
      } else if (partnerSerials.contains(s)) {
        position = partner;
      } else {
        position = pick(staffPositions);
      }
      boolean isPartner = position.equals(director) || position.equals(partner);
      Member member =
          member(
              spec,
              memberNo,
              "cpa" + memberNo + "@" + EMAIL_DOMAIN,
              position,
              isPartner,
              Category.PRACTISING_CPA,
              firmNo);
      members.add(member);
      accounts.add(memberAccount(member));
    }
  }

  private Member member(
      InstituteSpec spec,
      String memberNo,
      String email,
      String position,
      boolean isPartner,
      Category category,
      @Nullable String firmNo) {
    String name = personName();
    boolean male = random.nextBoolean();
    LocalDate birthDate = birthDate(isPartner ? PARTNERS_BORN_UNTIL : BORN_UNTIL);
    String region = random.nextInt(10) < 6 ? pick(spec.localRegions()) : pick(spec.otherRegions());
    return new Member(
        memberNo,
        name,
        male ? "M" : "F",
        birthDate,
        idNumber(region, birthDate, male),
        mobile(),
        email,
        position,
        isPartner,
        category,
        firmNo,
        spec.code(),
        true);
  }

  private static Account memberAccount(Member member) {
    return new Account(
        LoginType.MEMBER,
        Role.MEMBER,
        member.memberNo(),
        member.name(),
        member.instituteCode(),
        member.firmNo(),
        member.memberNo(),
        member.email(),
        member.mobile());
  }

  /** A surname (common ones more often) and one or two given-name characters. */
  private String personName() {
    double r = random.nextDouble();
    String name = surnames.get((int) (r * r * surnames.size())) + pick(givenNames);
    if (random.nextInt(10) < 7) {
      name += pick(givenNames);
    }
    return name;
  }

  private LocalDate birthDate(LocalDate until) {
    long days = ChronoUnit.DAYS.between(BORN_FROM, until);
    return BORN_FROM.plusDays(random.nextInt((int) days));
  }

  /** A valid resident ID number (GB 11643): region, birth date, sequence (odd for men), check. */
  private String idNumber(String region, LocalDate birthDate, boolean male) {
    while (true) {
      int sequence = random.nextInt(499) * 2 + (male ? 1 : 2);
      String first17 =
          region + birthDate.format(BASIC_DATE) + String.format(Locale.ROOT, "%03d", sequence);
      String idNumber = first17 + IdNumber.checkCharacter(first17);
      if (idNumbers.add(idNumber)) {
        return idNumber;
      }
    }
  }

  /** A unique mainland mobile number: 1, a digit 3-9, nine digits. */
  private String mobile() {
    char[] second = {'3', '3', '5', '5', '7', '8', '8', '9'};
    while (true) {
      StringBuilder mobile = new StringBuilder(11).append('1');
      mobile.append(second[random.nextInt(second.length)]);
      for (int i = 0; i < 9; i++) {
        mobile.append((char) ('0' + random.nextInt(10)));
      }
      if (mobiles.add(mobile.toString())) {
        return mobile.toString();
      }
    }
  }

  /**
   * A unique unified social credit code (GB 32100) of an enterprise (91) registered in the
   * division: 91, the division code, a GB 11714 organisation code with its check character, the
   * check character.
   */
  private String creditCode(String divisionCode) {
    while (true) {
      StringBuilder orgCode = new StringBuilder(9);
      orgCode.append((char) ('1' + random.nextInt(9)));
      for (int i = 1; i < 8; i++) {
        orgCode.append((char) ('0' + random.nextInt(10)));
      }
      int sum = 0;
      for (int i = 0; i < 8; i++) {
        sum += (orgCode.charAt(i) - '0') * ORG_CODE_WEIGHTS[i];
      }
      int check = 11 - sum % 11;
      orgCode.append(check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check));
      String creditCode = CreditCode.withCheckCharacter("91" + divisionCode + orgCode);
      if (creditCodes.add(creditCode)) {
        return creditCode;
      }
    }
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String fourDigits(int serial) {
    return String.format(Locale.ROOT, "%04d", serial);
  }

  private static String fill(String pattern, String... values) {
    String result = pattern;
    for (int i = 0; i < values.length; i++) {
      result = result.replace("{" + i + "}", values[i]);
    }
    return result;
  }

  private String text(String key) {
    String value = names.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Missing " + key + " in " + NAMES_RESOURCE);
    }
    return value.trim();
  }

  private List<String> list(String key) {
    return Arrays.stream(text(key).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static Properties loadNames() {
    try (InputStream in = DemoDataGenerator.class.getResourceAsStream(NAMES_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + NAMES_RESOURCE);
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
