package org.cmis.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates, for one test, a firm of its own with its people and accounts, written as the demo loader
 * writes them (tables {@code firm}, {@code member}, {@code account}), so that tests need not share
 * out the demo firms among themselves.
 *
 * <pre>{@code
 * Firm f = firms.aFirm().inInstitute("BJ").withCpas(5).withPractitioners(2).withMemberAccounts()
 *     .create();
 * }</pre>
 *
 * <p>Firm numbers are the institute's prefix (4403 SZ, 1101 BJ) and a serial from 1000 up, never
 * one of the demo firms (serials 1..20 and 1..5); a CPA's number is the firm's and a four-digit
 * serial, as in the demo set; a practitioner's is {@code P}, the firm's last six digits and a
 * two-digit serial. Every account has the password {@link #PASSWORD}, hashed once per JVM.
 */
@Component
public class TestFirms {

  /** The password of every account this creates. */
  public static final String PASSWORD = TestAccounts.PASSWORD;

  private static final AtomicInteger serial = new AtomicInteger(1000);
  private static final String[] SURNAMES = {"赵", "钱", "孙", "李", "周", "吴", "郑", "王", "冯", "陈"};
  private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋"};
  private static volatile String passwordHash;

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final PasswordEncoder encoder;

  public TestFirms(
      JdbcClient jdbc, PlatformTransactionManager transactions, PasswordEncoder encoder) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.encoder = encoder;
  }

  /** A firm of SZ with one practising CPA (its director), no practitioners, no member accounts. */
  public Builder aFirm() {
    return new Builder();
  }

  /**
   * How many people (members) the firms this created hold in the institute ("SZ", "BJ" or null for
   * all), and the members the sync tests created in their institute TS, for tests that count the
   * demo set's people beside them.
   */
  public int peopleCreated(String institute) {
    return jdbc.sql(
            "select count(*) from member m left join firm f on f.id = m.firm_id"
                + " where ((f.firm_no like '4403%' or f.firm_no like '1101%')"
                + " and substring(f.firm_no from 5)::int >= 1000"
                // the sync tests' own institute (membership.supervision.SyncCalls.INSTITUTE)
                + " or m.institute_code = 'TS')"
                + " and (cast(:institute as text) is null or m.institute_code = :institute)")
        .param("institute", institute)
        .query(Integer.class)
        .single();
  }

  /** A person of a created firm. */
  public record Person(String memberNo, String name, String mobile, String email) {}

  /** A created firm: its number, institute, sign-in account and people. */
  public record Firm(
      String firmNo,
      String instituteCode,
      String name,
      String account,
      List<Person> cpas,
      List<Person> practitioners,
      List<String> memberAccounts) {

    /** The practising CPAs' numbers, in serial order. */
    public List<String> memberNos() {
      return cpas.stream().map(Person::memberNo).toList();
    }

    /** The practising CPA of serial n (1-based). */
    public Person cpa(int n) {
      return cpas.get(n - 1);
    }

    /** The number of the practising CPA of serial n (1-based). */
    public String memberNo(int n) {
      return cpa(n).memberNo();
    }

    /** The practising CPA of serial n (1-based) as a principal (account id not used). */
    public CurrentUser member(int n) {
      String no = memberNo(n);
      return new CurrentUser(-1, Role.MEMBER, no, no, instituteCode, firmNo, no);
    }

    /** The firm as a principal (account id not used). */
    public CurrentUser principal() {
      return new CurrentUser(-1, Role.FIRM, account, account, instituteCode, firmNo, null);
    }
  }

  /** What the firm is to have; {@link #create()} writes it. */
  public final class Builder {

    private String institute = "SZ";
    private int cpas = 1;
    private int partners = 1;
    private int practitioners;
    private boolean memberAccounts;

    private Builder() {}

    /** SZ (the default) or BJ. */
    public Builder inInstitute(String code) {
      if (!code.equals("SZ") && !code.equals("BJ")) {
        throw new IllegalArgumentException("No test firm numbers for institute " + code);
      }
      this.institute = code;
      return this;
    }

    /** N practising CPAs (serials 1..n, 1..9999). */
    public Builder withCpas(int n) {
      if (n < 0 || n > 9999) {
        throw new IllegalArgumentException("CPAs: " + n);
      }
      this.cpas = n;
      return this;
    }

    /** How many of the first CPAs are partners (the first is the director); 1 unless told. */
    public Builder withPartners(int n) {
      this.partners = n;
      return this;
    }

    /** N practitioners (1..99). */
    public Builder withPractitioners(int n) {
      if (n < 0 || n > 99) {
        throw new IllegalArgumentException("Practitioners: " + n);
      }
      this.practitioners = n;
      return this;
    }

    /** A sign-in account for each practising CPA (account = member number). */
    public Builder withMemberAccounts() {
      this.memberAccounts = true;
      return this;
    }

    public Firm create() {
      return transaction.execute(status -> write(this));
    }
  }

  private Firm write(Builder b) {
    String prefix = b.institute.equals("SZ") ? "4403" : "1101";
    String hash = hash();
    String firmNo;
    long firmId;
    while (true) {
      int n = serial.getAndIncrement();
      if (n > 9999) {
        throw new IllegalStateException("Out of test firm numbers");
      }
      firmNo = prefix + fourDigits(n);
      List<Long> ids =
          jdbc.sql(
                  "insert into firm (firm_no, name, institute_code, address, contact_person,"
                      + " contact_mobile, contact_email) values (?, ?, ?, ?, ?, ?, ?)"
                      + " on conflict (firm_no) do nothing returning id")
              .params(
                  firmNo,
                  "测试" + firmNo + "会计师事务所",
                  b.institute,
                  "测试路" + n + "号",
                  name(n),
                  "136" + firmNo.substring(4) + "0000",
                  "office" + firmNo + "@example.cn")
              .query(Long.class)
              .list();
      if (!ids.isEmpty()) {
        firmId = ids.get(0);
        break;
      }
    }
    String firmName = "测试" + firmNo + "会计师事务所";
    jdbc.sql(
            "insert into account (login_type, role, account, password_hash, display_name,"
                + " institute_code, firm_no, member_no, email, mobile)"
                + " values ('FIRM', 'FIRM', ?, ?, ?, ?, ?, null, ?, ?)")
        .params(
            firmNo,
            hash,
            firmName,
            b.institute,
            firmNo,
            "office" + firmNo + "@example.cn",
            "136" + firmNo.substring(4) + "0000")
        .update();

    List<Person> cpas = new ArrayList<>();
    List<String> accounts = new ArrayList<>();
    for (int s = 1; s <= b.cpas; s++) {
      String memberNo = firmNo + fourDigits(s);
      Person p =
          new Person(
              memberNo,
              name(s),
              "139" + firmNo.substring(4) + fourDigits(s),
              "cpa" + memberNo + "@example.com");
      String position = s == 1 ? "主任会计师" : s <= b.partners ? "合伙人" : "项目经理";
      insertMember(p, s, position, s <= b.partners, "PRACTISING_CPA", firmId, b.institute);
      cpas.add(p);
      if (b.memberAccounts) {
        jdbc.sql(
                "insert into account (login_type, role, account, password_hash, display_name,"
                    + " institute_code, firm_no, member_no, email, mobile)"
                    + " values ('MEMBER', 'MEMBER', ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(memberNo, hash, p.name(), b.institute, firmNo, memberNo, p.email(), p.mobile())
            .update();
        accounts.add(memberNo);
      }
    }
    List<Person> practitioners = new ArrayList<>();
    for (int s = 1; s <= b.practitioners; s++) {
      String memberNo = String.format(Locale.ROOT, "P%s%02d", firmNo.substring(2), s);
      Person p =
          new Person(
              memberNo,
              name(100 + s),
              "137" + firmNo.substring(4) + fourDigits(s),
              memberNo.toLowerCase(Locale.ROOT) + "@example.cn");
      insertMember(p, s, "审计助理", false, "PRACTITIONER", firmId, b.institute);
      practitioners.add(p);
    }
    return new Firm(
        firmNo,
        b.institute,
        firmName,
        firmNo,
        List.copyOf(cpas),
        List.copyOf(practitioners),
        List.copyOf(accounts));
  }

  private void insertMember(
      Person p,
      int s,
      String position,
      boolean partner,
      String category,
      long firmId,
      String institute) {
    jdbc.sql(
            "insert into member (member_no, name, gender, birth_date, mobile, email, position,"
                + " partner, category, firm_id, institute_code, active)"
                + " values (?, ?, ?, date '1985-06-15', ?, ?, ?, ?, ?, ?, ?, true)")
        .params(
            p.memberNo(),
            p.name(),
            s % 2 == 0 ? "F" : "M",
            p.mobile(),
            p.email(),
            position,
            partner,
            category,
            firmId,
            institute)
        .update();
  }

  private String hash() {
    String h = passwordHash;
    if (h == null) {
      h = encoder.encode(PASSWORD);
      passwordHash = h;
    }
    return h;
  }

  private static String name(int n) {
    return SURNAMES[n % 10] + GIVEN[(n / 10) % 10] + GIVEN[(n / 100 + n) % 10];
  }

  private static String fourDigits(int n) {
    return String.format(Locale.ROOT, "%04d", n);
  }
}
