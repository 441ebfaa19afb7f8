package org.cmis.demo;

import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.cmis.demo.DemoClasses.DemoClass;
import org.cmis.demo.DemoClasses.DemoRegistration;
import org.cmis.demo.DemoDataSet.Account;
import org.cmis.demo.DemoDataSet.Firm;
import org.cmis.demo.DemoDataSet.Institute;
import org.cmis.demo.DemoDataSet.Member;
import org.cmis.training.catalog.ClassInput;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo data set once (API.md, Demo data) when {@code cmis.demo.enabled} is true. The row
 * of demo_data_load marks it as loaded: a second run, or a second instance at the same time (it
 * waits on that row), loads nothing.
 */
@Component
@ConditionalOnBooleanProperty("cmis.demo.enabled")
public class DemoDataLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

  private static final String MARK_LOADED =
      "insert into demo_data_load (id) values (1) on conflict do nothing";

  private static final String INSERT_INSTITUTE =
      "insert into institute (code, name, phone, email, training_department) values (?, ?, ?, ?, ?)"
          + " on conflict (code) do nothing";
  private static final int[] INSTITUTE_TYPES = {
    Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR
  };

  private static final String INSERT_FIRM =
      "insert into firm (firm_no, name, credit_code, institute_code, address, contact_person,"
          + " contact_mobile, contact_email) values (?, ?, ?, ?, ?, ?, ?, ?)";
  private static final int[] FIRM_TYPES = {
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR
  };

  private static final String INSERT_MEMBER =
      "insert into member (member_no, name, gender, birth_date, id_number, mobile, email, position,"
          + " partner, category, firm_id, institute_code, active)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final int[] MEMBER_TYPES = {
    Types.VARCHAR,
    Types.VARCHAR,
    Types.CHAR,
    Types.DATE,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.BOOLEAN,
    Types.VARCHAR,
    Types.BIGINT,
    Types.VARCHAR,
    Types.BOOLEAN
  };

  private static final String INSERT_ACCOUNT =
      "insert into account (login_type, role, account, password_hash, display_name,"
          + " institute_code, firm_no, member_no, email, mobile)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (login_type, account) do nothing";
  private static final int[] ACCOUNT_TYPES = {
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR
  };

  private static final String INSERT_CLASS =
      "insert into training_class (code, name, year, institute_code, audiences, mode, location,"
          + " teachers, description, hours, ethics_hours, fee, registration_start,"
          + " registration_end, training_start, training_end, cancellation_deadline, capacity,"
          + " max_registrations, registered_count, confirmed_count, confirmation_mode,"
          + " waitlist_enabled, external, external_url, published, cancelled, cancel_reason)"
          + " values (?, ?, ?, ?, cast(? as text[]), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " ?, ?, ?, ?, ?, ?, ?, ?) returning id";

  private static final String INSERT_REGISTRATION =
      "insert into registration (class_id, member_no, name, firm_no, status, channel, mobile,"
          + " email, registered_at, decided_at, created_by, attendance, hours_granted,"
          + " non_attendance_reason, non_attendance_at)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /**
   * The ledger entry of every attended demo registration, as credits posts one on attendance
   * (category TRAINING, source REGISTRATION and its id, the class's year, hours and name, dated its
   * last training day), in one statement; the insert trigger keeps hour_total.
   */
  private static final String POST_ATTENDED =
      "insert into hour_entry (member_no, year, entry_date, hours, ethics_hours, category, source,"
          + " source_id, note, created_by)"
          + " select r.member_no, c.year, c.training_end, c.hours, c.ethics_hours, 'TRAINING',"
          + " 'REGISTRATION', r.id, c.name, lower(c.institute_code) || '-staff'"
          + " from registration r join training_class c on c.id = r.class_id"
          + " where r.attendance = 'ATTENDED' order by r.id";

  private static final String INSERT_MANUAL_ENTRY =
      "insert into hour_entry (member_no, year, entry_date, hours, ethics_hours, category, source,"
          + " note, created_by) values (?, ?, ?, ?, ?, 'EXTERNAL', 'MANUAL', ?, ?)";
  private static final int[] MANUAL_ENTRY_TYPES = {
    Types.VARCHAR,
    Types.INTEGER,
    Types.DATE,
    Types.NUMERIC,
    Types.NUMERIC,
    Types.VARCHAR,
    Types.VARCHAR
  };

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final PasswordEncoder passwordEncoder;
  private final Clock clock;

  public DemoDataLoader(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactionManager,
      PasswordEncoder passwordEncoder,
      Clock clock) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactionManager);
    this.passwordEncoder = passwordEncoder;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    load();
  }

  /**
   * Loads the demo data set in one transaction unless it was loaded before.
   *
   * @return true if it loaded the data now, false if it had been loaded already
   */
  public boolean load() {
    return Boolean.TRUE.equals(transaction.execute(status -> loadOnce()));
  }

  private boolean loadOnce() {
    long start = System.nanoTime();
    if (jdbc.update(MARK_LOADED) == 0) {
      log.debug("Demo data set already loaded");
      return false;
    }
    DemoDataSet data = DemoDataGenerator.generate();
    // One hash for all accounts: hashing thousands of times would take minutes.
    String passwordHash = passwordEncoder.encode(DemoDataSet.PASSWORD);

    List<Object[]> institutes = new ArrayList<>();
    for (Institute institute : data.institutes()) {
      institutes.add(
          new Object[] {
            institute.code(),
            institute.name(),
            institute.phone(),
            institute.email(),
            institute.department()
          });
    }
    int institutesInserted = rows(jdbc.batchUpdate(INSERT_INSTITUTE, institutes, INSTITUTE_TYPES));

    List<Object[]> firms = new ArrayList<>();
    for (Firm firm : data.firms()) {
      firms.add(
          new Object[] {
            firm.firmNo(),
            firm.name(),
            firm.creditCode(),
            firm.instituteCode(),
            firm.address(),
            firm.contactPerson(),
            firm.contactMobile(),
            firm.contactEmail()
          });
    }
    int firmsInserted = rows(jdbc.batchUpdate(INSERT_FIRM, firms, FIRM_TYPES));

    Map<String, Long> firmIds = new HashMap<>();
    jdbc.query(
        "select firm_no, id from firm",
        (RowCallbackHandler) rs -> firmIds.put(rs.getString(1), rs.getLong(2)));

    List<Object[]> members = new ArrayList<>();
    for (Member member : data.members()) {
      members.add(
          new Object[] {
            member.memberNo(),
            member.name(),
            member.gender(),
            member.birthDate(),
            member.idNumber(),
            member.mobile(),
            member.email(),
            member.position(),
            member.partner(),
            member.category().name(),
            firmId(firmIds, member.firmNo()),
            member.instituteCode(),
            member.active()
          });
    }
    int membersInserted = rows(jdbc.batchUpdate(INSERT_MEMBER, members, MEMBER_TYPES));

    List<Object[]> accounts = new ArrayList<>();
    for (Account account : data.accounts()) {
      accounts.add(
          new Object[] {
            account.loginType().name(),
            account.role().name(),
            account.account(),
            passwordHash,
            account.displayName(),
            account.instituteCode(),
            account.firmNo(),
            account.memberNo(),
            account.email(),
            account.mobile()
          });
    }
    int accountsInserted = rows(jdbc.batchUpdate(INSERT_ACCOUNT, accounts, ACCOUNT_TYPES));

    int classesInserted = insertClasses(data);
    int entriesInserted = insertHours();
    DemoClaims.insert(jdbc, data, LocalDate.now(clock));

    log.info(
        "Demo data set loaded in {} ms: {} institutes, {} firms, {} members, {} accounts,"
            + " {} classes, {} hour entries",
        (System.nanoTime() - start) / 1_000_000,
        institutesInserted,
        firmsInserted,
        membersInserted,
        accountsInserted,
        classesInserted,
        entriesInserted);
    return true;
  }

  /**
   * The demo classes, dated relative to today in Asia/Shanghai, and their registrations; each
   * class's counters are those of its registration rows.
   */
  private int insertClasses(DemoDataSet data) {
    LocalDate today = LocalDate.now(clock);
    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<String, Member> members = new HashMap<>();
    for (Member member : data.members()) {
      members.put(member.memberNo(), member);
    }
    List<DemoRegistration> registrations = DemoClasses.registrations();
    List<DemoClass> classes = DemoClasses.on(today);
    String declarationReason = DemoClasses.text("declaration.reason");
    for (DemoClass c : classes) {
      List<DemoRegistration> own =
          registrations.stream().filter(r -> r.classKey().equals(c.key())).toList();
      int confirmed = (int) own.stream().filter(r -> r.status().equals("CONFIRMED")).count();
      ClassInput in = c.input();
      Long id =
          jdbc.queryForObject(
              INSERT_CLASS,
              Long.class,
              in.code(),
              in.name(),
              in.year(),
              c.instituteCode(),
              "{" + String.join(",", in.audiences()) + "}",
              in.mode(),
              in.location(),
              in.teachers(),
              in.description(),
              in.hours(),
              in.ethicsHours(),
              in.fee(),
              date(in.registrationStart()),
              date(in.registrationEnd()),
              date(in.trainingStart()),
              date(in.trainingEnd()),
              date(in.cancellationDeadline()),
              in.capacity(),
              in.maxRegistrations(),
              own.size(),
              confirmed,
              in.confirmationMode(),
              in.waitlistEnabled(),
              in.external(),
              in.externalUrl(),
              in.published(),
              c.cancelled(),
              c.cancelReason());
      List<Object[]> rows = new ArrayList<>();
      int minutes = own.size() * 10;
      // A past class's people registered while its registration was open, from its first day on.
      boolean past = date(in.trainingEnd()).isBefore(today);
      OffsetDateTime opened =
          date(in.registrationStart()).atTime(9, 0).atZone(clock.getZone()).toOffsetDateTime();
      int index = 0;
      for (DemoRegistration r : own) {
        Member m = members.get(r.memberNo());
        if (m == null) {
          throw new IllegalStateException("Demo member " + r.memberNo() + " does not exist");
        }
        OffsetDateTime registeredAt =
            past ? opened.plusMinutes(10L * index++) : now.minusMinutes(minutes);
        minutes -= 10;
        boolean attended = "ATTENDED".equals(r.attendance());
        rows.add(
            new Object[] {
              id,
              m.memberNo(),
              m.name(),
              m.firmNo(),
              r.status(),
              r.channel(),
              m.mobile(),
              m.email(),
              registeredAt,
              r.status().equals("CONFIRMED") ? registeredAt.plusMinutes(5) : null,
              r.channel().equals("SELF") ? m.memberNo() : m.firmNo(),
              r.attendance(),
              attended ? in.hours() : null,
              r.declared() ? declarationReason : null,
              r.declared()
                  ? date(in.cancellationDeadline())
                      .atTime(20, 0)
                      .atZone(clock.getZone())
                      .toOffsetDateTime()
                  : null
            });
      }
      jdbc.batchUpdate(INSERT_REGISTRATION, rows);
    }
    return classes.size();
  }

  /**
   * The ledger entries of the demo set: one per attended registration, and the manual EXTERNAL
   * entries of {@link DemoHours}, dated the current year's first past class day (or 1 January).
   */
  private int insertHours() {
    int posted = jdbc.update(POST_ATTENDED);
    LocalDate today = LocalDate.now(clock);
    LocalDate dated = today.minusDays(40);
    if (dated.getYear() != today.getYear()) {
      dated = LocalDate.of(today.getYear(), 1, 1);
    }
    String withEthics = DemoClasses.text("manual.note");
    String plain = DemoClasses.text("manual.note.plain");
    List<Object[]> manual = new ArrayList<>();
    for (DemoHours.ManualEntry e : DemoHours.manualEntries()) {
      manual.add(
          new Object[] {
            e.memberNo(),
            today.getYear(),
            dated,
            e.hours(),
            e.ethics(),
            e.ethics().signum() > 0 ? withEthics : plain,
            e.instituteCode().toLowerCase(Locale.ROOT) + "-staff"
          });
    }
    return posted + rows(jdbc.batchUpdate(INSERT_MANUAL_ENTRY, manual, MANUAL_ENTRY_TYPES));
  }

  private static LocalDate date(@Nullable String isoDate) {
    return LocalDate.parse(Objects.requireNonNull(isoDate));
  }

  /** The number of rows a batch inserted (a driver may answer "some" for a row: counted as 1). */
  private static int rows(int[] counts) {
    int rows = 0;
    for (int count : counts) {
      rows += count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
    }
    return rows;
  }

  private static @Nullable Long firmId(Map<String, Long> firmIds, @Nullable String firmNo) {
    if (firmNo == null) {
      return null;
    }
    Long id = firmIds.get(firmNo);
    if (id == null) {
      throw new IllegalStateException("Firm " + firmNo + " was not inserted");
    }
    return id;
  }
}
