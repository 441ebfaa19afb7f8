package org.cmis.demo;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The demo data set (API.md, Demo data): rows for the tables institute, firm, member and account,
 * built by {@link DemoDataGenerator#generate()} and written by {@link DemoDataLoader}.
 */
public record DemoDataSet(
    List<Institute> institutes, List<Firm> firms, List<Member> members, List<Account> accounts) {

  /** The password of every demo account. */
  public static final String PASSWORD = "Demo@2026";

  public DemoDataSet {
    institutes = List.copyOf(institutes);
    firms = List.copyOf(firms);
    members = List.copyOf(members);
    accounts = List.copyOf(accounts);
  }

  /** A row of table institute. */
  public record Institute(
      String code, String name, String phone, String email, String department) {}

  /** A row of table firm (without its generated id). */
  public record Firm(
      String firmNo,
      String name,
      String creditCode,
      String instituteCode,
      String address,
      String contactPerson,
      String contactMobile,
      String contactEmail) {}

  /** Member category, as stored in member.category. */
  public enum Category {
    PRACTISING_CPA,
    NON_PRACTISING,
    PRACTITIONER
  }

  /**
   * A row of table member (without its generated id); {@code firmNo} stands for firm_id and is null
   * for non-practising members.
   */
  public record Member(
      String memberNo,
      String name,
      String gender,
      LocalDate birthDate,
      String idNumber,
      String mobile,
      String email,
      String position,
      boolean partner,
      Category category,
      @Nullable String firmNo,
      String instituteCode,
      boolean active) {}

  /** Sign-in type, as stored in account.login_type. */
  public enum LoginType {
    FIRM,
    MEMBER,
    STAFF
  }

  /** Role, as stored in account.role. */
  public enum Role {
    FIRM,
    MEMBER,
    STAFF,
    ADMIN
  }

  /** A row of table account (without its generated id and password hash). */
  public record Account(
      LoginType loginType,
      Role role,
      String account,
      String displayName,
      @Nullable String instituteCode,
      @Nullable String firmNo,
      @Nullable String memberNo,
      String email,
      String mobile) {}
}
