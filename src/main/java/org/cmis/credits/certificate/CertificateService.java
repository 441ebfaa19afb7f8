package org.cmis.credits.certificate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.cmis.credits.HourStatements;
import org.cmis.membership.InstituteDirectory;
import org.cmis.membership.MemberDirectory;
import org.cmis.membership.MemberProfile;
import org.cmis.membership.MemberSummary;
import org.cmis.shared.AuditEvent;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and verifies hours certificates (F5.7; ADR 0020). The member itself, its firm, staff of
 * its institute and admin may issue one; anyone else is told there is no such member (404). A
 * certificate states the statement's {@code completedHours} of the moment; asking again while the
 * name, the institute and the hours are what the last certificate of the year states gives that
 * certificate again (its code and date), so printing twice does not mint codes. A certificate is
 * superseded once a later one of the same member and year exists, or once the member's statement
 * counts fewer hours than it states (a reversal took hours back).
 */
@Service
class CertificateService {

  /** The first training year of the ledger (its check constraint). */
  static final int FIRST_YEAR = 2000;

  private static final int ATTEMPTS = 5;

  private final JdbcClient jdbc;
  private final MemberDirectory members;
  private final InstituteDirectory institutes;
  private final HourStatements statements;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CertificateService(
      JdbcClient jdbc,
      MemberDirectory members,
      InstituteDirectory institutes,
      HourStatements statements,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.members = members;
    this.institutes = institutes;
    this.statements = statements;
    this.events = events;
    this.clock = clock;
  }

  /** A certificate as the caller gets it: new, or the last one of the year again. */
  record Issued(HoursCertificate certificate, boolean created) {}

  /** The current training year. */
  int currentYear() {
    return LocalDate.now(clock).getYear();
  }

  /**
   * A year a certificate may be asked for: from {@value #FIRST_YEAR} to the current year (whose
   * hours so far it states); any other is a 422 on the field {@code year}.
   */
  int checkYear(int year) {
    if (year < FIRST_YEAR || year > currentYear()) {
      throw yearRefused();
    }
    return year;
  }

  /** A 422 on the field {@code year}, with the range in the page's message. */
  static CmisException yearRefused() {
    return new CmisException(
        ErrorCode.VALIDATION_FAILED,
        "certificate.error.year",
        List.of(new FieldError("year", "certificate.error.year")),
        null);
  }

  /** The member, if the caller may issue its certificates; else 404 as for no such member. */
  MemberProfile member(CurrentUser caller, String memberNo) {
    Optional<MemberProfile> found =
        memberNo.length() > 20 ? Optional.empty() : members.profile(memberNo);
    return found
        .filter(m -> mayIssue(caller, m))
        .orElseThrow(() -> new CmisException(ErrorCode.NOT_FOUND, "certificate.error.noMember"));
  }

  static boolean mayIssue(CurrentUser caller, MemberProfile member) {
    return switch (caller.role()) {
      case ADMIN -> true;
      case STAFF -> member.instituteCode().equals(caller.instituteCode());
      case FIRM -> member.firmNo() != null && member.firmNo().equals(caller.firmNo());
      case MEMBER -> member.memberNo().equals(caller.memberNo());
    };
  }

  /**
   * Issues the member's certificate for the year, or gives the last one again (see above); a new
   * one is audited (CERTIFICATE_ISSUED) in the same transaction.
   */
  @Transactional
  public Issued issue(CurrentUser caller, String memberNo, int year, String clientAddress) {
    MemberProfile member = member(caller, memberNo);
    checkYear(year);
    // one issuer at a time per member and year, so that two clicks make one certificate
    jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
        .param("key", "hours_certificate:" + member.memberNo() + ":" + year)
        .query((rs, n) -> 1)
        .list();
    BigDecimal hours = completedHours(member, year);
    String instituteName = institutes.name(member.instituteCode());
    Optional<HoursCertificate> last = last(member.memberNo(), year);
    if (last.isPresent()
        && last.get().hours().compareTo(hours) == 0
        && last.get().memberName().equals(member.name())
        && last.get().instituteName().equals(instituteName)) {
      return new Issued(last.get(), false);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<HoursCertificate> inserted =
          jdbc.sql(
                  "insert into hours_certificate (code, member_no, member_name, year, hours,"
                      + " institute_code, institute_name, issued_on, issued_at, issued_by)"
                      + " values (:code, :memberNo, :name, :year, :hours, :instituteCode,"
                      + " :instituteName, :issuedOn, :issuedAt, :issuedBy)"
                      + " on conflict (code) do nothing returning "
                      + COLUMNS)
              .param("code", CertificateCodes.next())
              .param("memberNo", member.memberNo())
              .param("name", member.name())
              .param("year", year)
              .param("hours", hours)
              .param("instituteCode", member.instituteCode())
              .param("instituteName", instituteName)
              .param("issuedOn", now.toLocalDate())
              .param("issuedAt", now)
              .param("issuedBy", caller.account())
              .query(CertificateService::certificate)
              .optional();
      if (inserted.isPresent()) {
        HoursCertificate c = inserted.get();
        events.publishEvent(
            new AuditEvent(
                caller.account(),
                "CERTIFICATE_ISSUED",
                "HoursCertificate",
                c.code(),
                clientAddress,
                null,
                "{\"memberNo\":\""
                    + c.memberNo()
                    + "\",\"year\":"
                    + c.year()
                    + ",\"hours\":"
                    + c.hours().toPlainString()
                    + "}"));
        return new Issued(c, true);
      }
    }
    throw new IllegalStateException("No free certificate code in " + ATTEMPTS + " draws");
  }

  /**
   * The public facts of the certificate a typed code names; empty for a code that is not one (no
   * query then) or names none.
   */
  @Transactional(readOnly = true)
  public Optional<Verification> verify(String typed) {
    return CertificateCodes.read(typed).flatMap(this::find).map(this::verification);
  }

  private Verification verification(HoursCertificate c) {
    return new Verification(
        c.code(),
        CertificateTexts.maskName(c.memberName()),
        c.memberNo(),
        c.year(),
        c.hours(),
        c.instituteName(),
        c.issuedOn(),
        superseded(c));
  }

  /** Whether a later certificate of the member and year exists, or the hours are now fewer. */
  boolean superseded(HoursCertificate c) {
    boolean later =
        jdbc.sql(
                "select exists (select 1 from hours_certificate"
                    + " where member_no = :memberNo and year = :year and id > :id)")
            .param("memberNo", c.memberNo())
            .param("year", c.year())
            .param("id", c.id())
            .query(Boolean.class)
            .single();
    if (later) {
      return true;
    }
    return members
        .profile(c.memberNo())
        .map(m -> completedHours(m, c.year()).compareTo(c.hours()) < 0)
        .orElse(false);
  }

  /** The hours the member's statement counts for the year now (a statement without entries). */
  private BigDecimal completedHours(MemberProfile m, int year) {
    MemberSummary member =
        new MemberSummary(
            m.memberNo(), m.name(), m.category(), m.firmNo(), m.position(), m.mobile(), m.email());
    return statements.statements(List.of(member), year).get(0).completedHours();
  }

  private Optional<HoursCertificate> find(String code) {
    return jdbc.sql("select " + COLUMNS + " from hours_certificate where code = :code")
        .param("code", code)
        .query(CertificateService::certificate)
        .optional();
  }

  private Optional<HoursCertificate> last(String memberNo, int year) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from hours_certificate where member_no = :memberNo and year = :year"
                + " order by id desc limit 1")
        .param("memberNo", memberNo)
        .param("year", year)
        .query(CertificateService::certificate)
        .optional();
  }

  private static final String COLUMNS =
      "id, code, member_no, member_name, year, hours, institute_code, institute_name, issued_on,"
          + " issued_at, issued_by";

  private static HoursCertificate certificate(java.sql.ResultSet rs, int row)
      throws java.sql.SQLException {
    return new HoursCertificate(
        rs.getLong("id"),
        rs.getString("code"),
        rs.getString("member_no"),
        rs.getString("member_name"),
        rs.getInt("year"),
        rs.getBigDecimal("hours"),
        rs.getString("institute_code"),
        rs.getString("institute_name"),
        rs.getObject("issued_on", LocalDate.class),
        rs.getObject("issued_at", OffsetDateTime.class),
        rs.getString("issued_by"));
  }
}
