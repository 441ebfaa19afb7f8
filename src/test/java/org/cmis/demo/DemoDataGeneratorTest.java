package org.cmis.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cmis.demo.DemoDataSet.Account;
import org.cmis.demo.DemoDataSet.Category;
import org.cmis.demo.DemoDataSet.Firm;
import org.cmis.demo.DemoDataSet.LoginType;
import org.cmis.demo.DemoDataSet.Member;
import org.cmis.demo.DemoDataSet.Role;
import org.cmis.shared.CreditCode;
import org.cmis.shared.IdNumber;
import org.cmis.shared.Mobile;
import org.junit.jupiter.api.Test;

class DemoDataGeneratorTest {

  private static final DemoDataSet DATA = DemoDataGenerator.generate();

  private static final Set<String> POSITIONS =
      Set.of("合伙人", "主任会计师", "项目经理", "审计员", "高级审计员", "部门经理");

  @Test
  void institutesAndStaff() {
    assertThat(DATA.institutes())
        .extracting(DemoDataSet.Institute::code)
        .containsExactly("SZ", "BJ");
    DemoDataSet.Institute sz = DATA.institutes().get(0);
    assertThat(sz.name()).isEqualTo("深圳市注册会计师协会");
    assertThat(sz.phone()).isEqualTo("0755-83515412");
    assertThat(sz.email()).isEqualTo("ywj@szicpa.org");
    assertThat(DATA.institutes().get(1).name()).isEqualTo("北京注册会计师协会");

    Map<String, Account> staff =
        DATA.accounts().stream()
            .filter(a -> a.loginType() == LoginType.STAFF)
            .collect(Collectors.toMap(Account::account, Function.identity()));
    assertThat(staff).containsOnlyKeys("sz-staff", "bj-staff", "admin");
    assertThat(staff.get("sz-staff").role()).isEqualTo(Role.STAFF);
    assertThat(staff.get("sz-staff").instituteCode()).isEqualTo("SZ");
    assertThat(staff.get("bj-staff").role()).isEqualTo(Role.STAFF);
    assertThat(staff.get("bj-staff").instituteCode()).isEqualTo("BJ");
    assertThat(staff.get("admin").role()).isEqualTo(Role.ADMIN);
    assertThat(staff.get("admin").instituteCode()).isNull();
    assertThat(staff.values()).allSatisfy(a -> assertThat(a.displayName()).isNotBlank());
  }

  @Test
  void firms() {
    List<Firm> sz = firmsOf("SZ");
    List<Firm> bj = firmsOf("BJ");
    assertThat(sz).hasSizeGreaterThanOrEqualTo(20);
    assertThat(bj).hasSize(5);
    assertThat(sz).allSatisfy(f -> assertThat(f.firmNo()).matches("4403[0-9]{4}"));
    assertThat(bj).allSatisfy(f -> assertThat(f.firmNo()).matches("1101[0-9]{4}"));
    assertThat(sz.get(0).firmNo()).isEqualTo("44030001");
    assertThat(sz).allSatisfy(f -> assertThat(f.name()).startsWith("深圳").contains("会计师事务所"));
    assertThat(bj).allSatisfy(f -> assertThat(f.name()).startsWith("北京").contains("会计师事务所"));
    assertThat(sz).allSatisfy(f -> assertThat(f.creditCode()).startsWith("91440300"));
    assertThat(bj).allSatisfy(f -> assertThat(f.creditCode()).startsWith("91110000"));
    assertThat(DATA.firms())
        .allSatisfy(
            f -> {
              assertThat(CreditCode.isValid(f.creditCode())).as(f.creditCode()).isTrue();
              assertThat(f.address()).isNotBlank().doesNotContain("{");
              assertThat(f.contactPerson()).matches("\\p{IsHan}{2,3}");
              assertThat(Mobile.isValid(f.contactMobile())).isTrue();
              assertThat(f.contactEmail()).endsWith("@example.cn");
            });
    assertUnique(DATA.firms().stream().map(Firm::firmNo).toList());
    assertUnique(DATA.firms().stream().map(Firm::name).toList());
    assertUnique(DATA.firms().stream().map(Firm::creditCode).toList());

    Map<String, Account> firmAccounts =
        DATA.accounts().stream()
            .filter(a -> a.loginType() == LoginType.FIRM)
            .collect(Collectors.toMap(Account::account, Function.identity()));
    assertThat(firmAccounts).hasSameSizeAs(DATA.firms());
    for (Firm firm : DATA.firms()) {
      Account account = firmAccounts.get(firm.firmNo());
      assertThat(account.role()).isEqualTo(Role.FIRM);
      assertThat(account.displayName()).isEqualTo(firm.name());
      assertThat(account.firmNo()).isEqualTo(firm.firmNo());
      assertThat(account.instituteCode()).isEqualTo(firm.instituteCode());
      assertThat(account.memberNo()).isNull();
      assertThat(account.email()).isEqualTo(firm.contactEmail());
      assertThat(account.mobile()).isEqualTo(firm.contactMobile());
    }
  }

  @Test
  void membersPerFirm() {
    for (Firm firm : DATA.firms()) {
      List<Member> people =
          DATA.members().stream().filter(m -> firm.firmNo().equals(m.firmNo())).toList();
      List<Member> cpas = ofCategory(people, Category.PRACTISING_CPA);
      List<Member> practitioners = ofCategory(people, Category.PRACTITIONER);
      assertThat(cpas).hasSize(50);
      assertThat(practitioners).hasSize(5);
      assertThat(people).hasSize(55);
      assertThat(cpas)
          .allSatisfy(
              m -> {
                assertThat(m.memberNo()).matches(firm.firmNo() + "[0-9]{4}");
                assertThat(m.instituteCode()).isEqualTo(firm.instituteCode());
              });
      assertThat(practitioners).allSatisfy(m -> assertThat(m.memberNo()).matches("P[0-9]{8}"));
      assertThat(people.stream().filter(m -> m.position().equals("主任会计师"))).hasSize(1);
      assertThat(people.stream().filter(Member::partner).count()).isBetween(2L, 4L);
      assertThat(practitioners).noneMatch(Member::partner);
    }
  }

  @Test
  void nonPractisingMembers() {
    List<Member> nonPractising = ofCategory(DATA.members(), Category.NON_PRACTISING);
    Map<String, List<Member>> byInstitute =
        nonPractising.stream().collect(Collectors.groupingBy(Member::instituteCode));
    assertThat(byInstitute.get("SZ")).hasSizeGreaterThanOrEqualTo(50);
    assertThat(byInstitute.get("BJ")).hasSizeGreaterThanOrEqualTo(50);
    assertThat(byInstitute.get("SZ")).allSatisfy(m -> assertThat(m.memberNo()).startsWith("4403"));
    assertThat(byInstitute.get("BJ")).allSatisfy(m -> assertThat(m.memberNo()).startsWith("1101"));
    assertThat(nonPractising)
        .allSatisfy(
            m -> {
              assertThat(m.firmNo()).isNull();
              assertThat(m.memberNo()).matches("[0-9]{12}");
              assertThat(m.partner()).isFalse();
            });
  }

  @Test
  void everyMemberIsPlausible() {
    assertUnique(DATA.members().stream().map(Member::memberNo).toList());
    assertUnique(DATA.members().stream().map(Member::idNumber).toList());
    List<String> mobiles = DATA.members().stream().map(Member::mobile).collect(Collectors.toList());
    DATA.firms().forEach(f -> mobiles.add(f.contactMobile()));
    assertUnique(mobiles);
    DateTimeFormatter basic = DateTimeFormatter.BASIC_ISO_DATE;
    assertThat(DATA.members())
        .allSatisfy(
            m -> {
              assertThat(m.memberNo()).matches("[0-9]{12}|P[0-9]{8}");
              assertThat(m.name()).matches("\\p{IsHan}{2,3}");
              assertThat(m.gender()).isIn("M", "F");
              assertThat(m.birthDate())
                  .isAfterOrEqualTo(LocalDate.of(1960, 1, 1))
                  .isBeforeOrEqualTo(LocalDate.of(1998, 12, 31));
              assertThat(IdNumber.isValid(m.idNumber())).as(m.idNumber()).isTrue();
              assertThat(m.idNumber().substring(6, 14)).isEqualTo(m.birthDate().format(basic));
              int sequence = m.idNumber().charAt(16) - '0';
              assertThat(sequence % 2 == 1).isEqualTo(m.gender().equals("M"));
              assertThat(Mobile.isValid(m.mobile())).as(m.mobile()).isTrue();
              assertThat(m.email()).matches("[a-z0-9]+@example\\.(com|cn)");
              assertThat(m.position()).isIn(POSITIONS);
              assertThat(m.partner())
                  .isEqualTo(m.position().equals("合伙人") || m.position().equals("主任会计师"));
              assertThat(m.active()).isTrue();
            });
    assertThat(DATA.members().stream().map(Member::gender).distinct()).hasSize(2);
  }

  @Test
  void oneMemberAccountPerCpaAndNonPractisingMember() {
    Map<String, Account> memberAccounts =
        DATA.accounts().stream()
            .filter(a -> a.loginType() == LoginType.MEMBER)
            .collect(Collectors.toMap(Account::account, Function.identity()));
    List<Member> signingIn =
        DATA.members().stream().filter(m -> m.category() != Category.PRACTITIONER).toList();
    assertThat(memberAccounts).hasSameSizeAs(signingIn);
    for (Member member : signingIn) {
      Account account = memberAccounts.get(member.memberNo());
      assertThat(account).as(member.memberNo()).isNotNull();
      assertThat(account.role()).isEqualTo(Role.MEMBER);
      assertThat(account.displayName()).isEqualTo(member.name());
      assertThat(account.memberNo()).isEqualTo(member.memberNo());
      assertThat(account.firmNo()).isEqualTo(member.firmNo());
      assertThat(account.instituteCode()).isEqualTo(member.instituteCode());
      assertThat(account.email()).isEqualTo(member.email());
      assertThat(account.mobile()).isEqualTo(member.mobile());
    }
    assertUnique(DATA.accounts().stream().map(a -> a.loginType() + "/" + a.account()).toList());
  }

  @Test
  void everyRunGivesTheSameData() {
    assertThat(DemoDataGenerator.generate()).isEqualTo(DATA);
    assertThat(DemoDataGenerator.generate()).isEqualTo(DemoDataGenerator.generate());
  }

  private static List<Firm> firmsOf(String institute) {
    return DATA.firms().stream().filter(f -> f.instituteCode().equals(institute)).toList();
  }

  private static List<Member> ofCategory(List<Member> members, Category category) {
    return members.stream().filter(m -> m.category() == category).toList();
  }

  private static void assertUnique(List<String> values) {
    Set<String> seen = new HashSet<>();
    assertThat(values.stream().filter(v -> !seen.add(v)).toList()).as("duplicates").isEmpty();
  }
}
