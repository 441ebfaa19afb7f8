package org.cmis.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.cmis.shared.CmisException;
import org.cmis.shared.CreditCode;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestFirms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** MemberChanges, the one way a member or a firm changes, on the real database. */
@IntegrationTest
@RecordApplicationEvents
class MemberChangesTest {

  private static final AtomicInteger SERIAL = new AtomicInteger(6000);
  private static final AtomicInteger FIRMS = new AtomicInteger(1000);
  private static final ChangedBy BY = ChangedBy.syncEvent("mc-test");

  @Autowired MemberChanges changes;
  @Autowired JdbcClient jdbc;
  @Autowired TestFirms firms;
  @Autowired ApplicationEvents events;

  TestFirms.Firm firm;
  TestFirms.Firm beijing;

  @BeforeEach
  void setUp() {
    jdbc.sql(
            "insert into institute (code, name) values ('TS', '同步测试协会') on conflict (code) do nothing")
        .update();
    firm = firms.aFirm().create();
    beijing = firms.aFirm().inInstitute("BJ").create();
  }

  private String newNo() {
    return firm.firmNo() + SERIAL.getAndIncrement();
  }

  private MemberData data(String no) {
    return new MemberData(
        no,
        "变更测试",
        "M",
        LocalDate.of(1980, 5, 6),
        "44030819900307441X",
        MemberCategory.PRACTISING_CPA,
        firm.firmNo(),
        null,
        "审计员",
        "13800001111",
        "mc@example.cn",
        false,
        true);
  }

  private List<String> history(String no) {
    return jdbc.sql(
            "select h.field || ':' || coalesce(h.old_value, '') || '>' || coalesce(h.new_value, '')"
                + " from member_history h join member m on m.id = h.member_id"
                + " where m.member_no = :no order by h.id")
        .param("no", no)
        .query(String.class)
        .list();
  }

  private Map<String, Object> row(String no) {
    return jdbc.sql(
            "select m.name, m.mobile, m.position, f.firm_no, m.institute_code, m.active,"
                + " m.category, m.id_number, m.sync_version from member m"
                + " left join firm f on f.id = m.firm_id where m.member_no = :no")
        .param("no", no)
        .query()
        .singleRow();
  }

  @Test
  void createsAMemberWithAHistoryRowPerFieldAndTheIdNumberMasked() {
    String no = newNo();
    assertThat(changes.upsert(data(no), 1L, BY)).isEqualTo(ChangeOutcome.APPLIED);
    assertThat(row(no))
        .containsEntry("firm_no", firm.firmNo())
        .containsEntry("institute_code", "SZ")
        .containsEntry("id_number", "44030819900307441X")
        .containsEntry("sync_version", 1L);
    assertThat(history(no))
        .contains(
            "name:>变更测试",
            "idNumber:>4403**********441X",
            "firmNo:>" + firm.firmNo(),
            "instituteCode:>SZ",
            "mobile:>13800001111")
        .noneMatch(h -> h.contains("44030819900307441X"));
    assertThat(events.stream(MemberChanged.class).filter(e -> e.memberNo().equals(no)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.fields()).contains("name", "mobile");
              assertThat(e.firmNo()).isEqualTo(firm.firmNo());
              assertThat(e.active()).isTrue();
            });
  }

  @Test
  void updatesOnlyWhatDiffersAndIgnoresOldVersions() {
    String no = newNo();
    changes.upsert(data(no), 5L, BY);
    int rows = history(no).size();
    MemberData changed =
        new MemberData(
            no,
            "新名字",
            "M",
            LocalDate.of(1980, 5, 6),
            "320106198511200018",
            MemberCategory.PRACTISING_CPA,
            firm.firmNo(),
            null,
            "审计员",
            "13800002222",
            "mc@example.cn",
            false,
            true);
    assertThat(changes.upsert(changed, 6L, BY)).isEqualTo(ChangeOutcome.APPLIED);
    assertThat(history(no).subList(rows, history(no).size()))
        .containsExactly(
            "name:变更测试>新名字",
            "idNumber:4403**********441X>3201**********0018",
            "mobile:13800001111>13800002222");
    // the same values with a newer version: nothing to change, the version is kept
    assertThat(changes.upsert(changed, 7L, BY)).isEqualTo(ChangeOutcome.UNCHANGED);
    assertThat(row(no)).containsEntry("sync_version", 7L);
    // older and equal versions are ignored
    assertThat(changes.upsert(data(no), 7L, BY)).isEqualTo(ChangeOutcome.IGNORED);
    assertThat(changes.upsert(data(no), 3L, BY)).isEqualTo(ChangeOutcome.IGNORED);
    assertThat(row(no)).containsEntry("name", "新名字");
    assertThat(history(no)).hasSize(rows + 3);
    // no version (an import): applies, the stored version stays
    assertThat(changes.upsert(data(no), null, ChangedBy.importBy("sz-staff")))
        .isEqualTo(ChangeOutcome.APPLIED);
    assertThat(row(no)).containsEntry("name", "变更测试").containsEntry("sync_version", 7L);
  }

  @Test
  void nullPositionMobileEmailKeepWhatIsStored() {
    String no = newNo();
    changes.upsert(data(no), 1L, BY);
    MemberData partial =
        new MemberData(
            no,
            "变更测试",
            "M",
            LocalDate.of(1980, 5, 6),
            null,
            MemberCategory.PRACTISING_CPA,
            firm.firmNo(),
            null,
            null,
            null,
            null,
            null,
            null);
    assertThat(changes.upsert(partial, 2L, BY)).isEqualTo(ChangeOutcome.UNCHANGED);
    assertThat(row(no))
        .containsEntry("mobile", "13800001111")
        .containsEntry("position", "审计员")
        .containsEntry("id_number", "44030819900307441X");
  }

  @Test
  void aTransferMovesTheMemberAndItsInstituteFollowsTheNewFirm() {
    String no = newNo();
    changes.upsert(data(no), 1L, BY);
    assertThat(changes.transfer(no, firm.firmNo(), beijing.firmNo(), 2L, BY))
        .isEqualTo(ChangeOutcome.APPLIED);
    assertThat(row(no))
        .containsEntry("firm_no", beijing.firmNo())
        .containsEntry("institute_code", "BJ");
    assertThat(history(no))
        .contains("firmNo:" + firm.firmNo() + ">" + beijing.firmNo(), "instituteCode:SZ>BJ");
    assertThat(changes.transfer(no, null, firm.firmNo(), 2L, BY)).isEqualTo(ChangeOutcome.IGNORED);
    assertThat(changes.transfer(no, null, beijing.firmNo(), 3L, BY))
        .isEqualTo(ChangeOutcome.UNCHANGED);
    assertThatThrownBy(() -> changes.transfer(no, firm.firmNo(), firm.firmNo(), 4L, BY))
        .isInstanceOfSatisfying(
            CmisException.class, e -> assertThat(fields(e)).containsExactly("fromFirmNo"));
    assertThatThrownBy(() -> changes.transfer(no, null, "45970000", 4L, BY))
        .isInstanceOfSatisfying(
            CmisException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FIRM));
    assertThatThrownBy(() -> changes.transfer(firm.firmNo() + "0999", null, firm.firmNo(), 4L, BY))
        .isInstanceOfSatisfying(
            CmisException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_MEMBER));
  }

  @Test
  void aNonPractisingMemberLeavesItsFirmAndAnInactiveOneStaysWithItsHistory() {
    String no = newNo();
    changes.upsert(data(no), 1L, BY);
    MemberData left =
        new MemberData(
            no,
            "变更测试",
            "M",
            LocalDate.of(1980, 5, 6),
            null,
            MemberCategory.NON_PRACTISING,
            null,
            "TS",
            "",
            null,
            null,
            false,
            false);
    assertThat(changes.upsert(left, 2L, BY)).isEqualTo(ChangeOutcome.APPLIED);
    assertThat(row(no))
        .containsEntry("firm_no", null)
        .containsEntry("category", "NON_PRACTISING")
        .containsEntry("active", false);
    assertThat(history(no))
        .contains(
            "category:PRACTISING_CPA>NON_PRACTISING",
            "firmNo:" + firm.firmNo() + ">",
            "active:true>false");
    assertThat(events.stream(MemberChanged.class).filter(e -> e.memberNo().equals(no)).toList())
        .last()
        .satisfies(
            e -> {
              assertThat(e.active()).isFalse();
              assertThat(e.firmNo()).isNull();
            });
    // a non-practising member has no firm to move from
    assertThatThrownBy(() -> changes.transfer(no, null, firm.firmNo(), 3L, BY))
        .isInstanceOf(CmisException.class);
  }

  @Test
  void firmUpsertCreatesUpdatesAndOrdersVersions() {
    String firmNo = "4597" + FIRMS.getAndIncrement();
    String code = CreditCode.withCheckCharacter("91440300" + firmNo.substring(0, 4) + "12345");
    assertThat(changes.upsertFirm(new FirmData(firmNo, "甲所", code, "SZ"), 2L, BY))
        .isEqualTo(ChangeOutcome.APPLIED);
    assertThat(changes.upsertFirm(new FirmData(firmNo, "甲所", code, "SZ"), 3L, BY))
        .isEqualTo(ChangeOutcome.UNCHANGED);
    assertThat(changes.upsertFirm(new FirmData(firmNo, "乙所", code, "BJ"), 4L, BY))
        .isEqualTo(ChangeOutcome.APPLIED);
    assertThat(changes.upsertFirm(new FirmData(firmNo, "丙所", code, "SZ"), 4L, BY))
        .isEqualTo(ChangeOutcome.IGNORED);
    assertThat(
            jdbc.sql("select name || institute_code from firm where firm_no = :no")
                .param("no", firmNo)
                .query(String.class)
                .single())
        .isEqualTo("乙所BJ");
    // the credit code of another firm
    String other = "4597" + FIRMS.getAndIncrement();
    assertThatThrownBy(() -> changes.upsertFirm(new FirmData(other, "丁所", code, "SZ"), 1L, BY))
        .isInstanceOfSatisfying(
            CmisException.class, e -> assertThat(fields(e)).containsExactly("creditCode"));
    assertThatThrownBy(() -> changes.upsertFirm(new FirmData(other, "丁所", null, "XX"), 1L, BY))
        .isInstanceOfSatisfying(
            CmisException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_INSTITUTE));
  }

  @Test
  void everyInvalidFieldIsNamedAndNothingIsWritten() {
    String no = newNo();
    assertInvalid(no, d -> with(d, "memberNo", "12345"), "memberNo");
    assertInvalid(no, d -> with(d, "memberNo", "P12345678"), "memberNo");
    assertInvalid(no, d -> with(d, "name", ""), "name");
    assertInvalid(no, d -> with(d, "name", "名".repeat(51)), "name");
    assertInvalid(no, d -> with(d, "name", "a\u0001b"), "name");
    assertInvalid(no, d -> with(d, "gender", "X"), "gender");
    assertInvalid(no, d -> with(d, "birthDate", LocalDate.now().plusDays(2)), "birthDate");
    assertInvalid(no, d -> with(d, "birthDate", LocalDate.of(1899, 12, 31)), "birthDate");
    assertInvalid(no, d -> with(d, "idNumber", "440308199003074411"), "idNumber");
    assertInvalid(no, d -> with(d, "firmNo", null), "firmNo");
    assertInvalid(no, d -> with(d, "firmNo", "4403"), "firmNo");
    assertInvalid(no, d -> with(d, "category", MemberCategory.NON_PRACTISING), "firmNo");
    assertInvalid(no, d -> with(d, "position", "职".repeat(21)), "position");
    assertInvalid(no, d -> with(d, "mobile", "12345678901"), "mobile");
    assertInvalid(no, d -> with(d, "email", "not-an-email"), "email");
    assertInvalid(no, d -> with(d, "instituteCode", ""), "instituteCode");
    assertThatThrownBy(() -> changes.upsert(with(data(no), "firmNo", "45970999"), 1L, BY))
        .isInstanceOfSatisfying(
            CmisException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FIRM));
    assertThatThrownBy(() -> changes.upsert(with(data(no), "instituteCode", "XX"), 1L, BY))
        .isInstanceOfSatisfying(
            CmisException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_INSTITUTE));
    assertThat(
            jdbc.sql("select count(*) from member where member_no = :no")
                .param("no", no)
                .query(Long.class)
                .single())
        .isZero();
    // firms and local contacts
    assertFirmInvalid(new FirmData("123", "所", null, "SZ"), "firmNo");
    assertFirmInvalid(new FirmData("45970001", "", null, "SZ"), "name");
    assertFirmInvalid(new FirmData("45970001", "所", "91440300MA5ABCDE1X", "SZ"), "creditCode");
    changes.upsert(data(no), 1L, BY);
    assertThatThrownBy(
            () ->
                changes.changeLocal(
                    no, new LocalContact("13800001111", "a@b.cn", "址".repeat(201)), BY))
        .isInstanceOfSatisfying(
            CmisException.class, e -> assertThat(fields(e)).containsExactly("address"));
    assertThatThrownBy(() -> changes.changeLocal(no, new LocalContact("1", "a@b.cn", ""), BY))
        .isInstanceOfSatisfying(
            CmisException.class, e -> assertThat(fields(e)).containsExactly("mobile"));
  }

  @Test
  void aLocalChangeIsRecordedByWhomItWasMade() {
    String no = newNo();
    changes.upsert(data(no), 1L, BY);
    assertThat(
            changes.changeLocal(
                no,
                new LocalContact("13800003333", "mc@example.cn", "深圳市福田区"),
                ChangedBy.member(no)))
        .isEqualTo(ChangeOutcome.APPLIED);
    assertThat(
            jdbc.sql(
                    "select changed_by from member_history h join member m on m.id = h.member_id"
                        + " where m.member_no = :no and h.field = 'mobile' order by h.id desc"
                        + " limit 1")
                .param("no", no)
                .query(String.class)
                .single())
        .isEqualTo("本人（" + no + "）");
    assertThat(
            changes.changeLocal(
                no,
                new LocalContact("13800003333", "mc@example.cn", "深圳市福田区"),
                ChangedBy.member(no)))
        .isEqualTo(ChangeOutcome.UNCHANGED);
  }

  private void assertInvalid(String no, UnaryOperator<MemberData> change, String field) {
    assertThatThrownBy(() -> changes.upsert(change.apply(data(no)), 1L, BY))
        .as(field)
        .isInstanceOfSatisfying(
            CmisException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
              assertThat(fields(e)).contains(field);
            });
  }

  private void assertFirmInvalid(FirmData data, String field) {
    assertThatThrownBy(() -> changes.upsertFirm(data, 1L, BY))
        .as(field)
        .isInstanceOfSatisfying(CmisException.class, e -> assertThat(fields(e)).contains(field));
  }

  private static List<String> fields(CmisException e) {
    return e.errors().stream().map(FieldError::field).toList();
  }

  private static MemberData with(MemberData d, String field, Object value) {
    return new MemberData(
        field.equals("memberNo") ? (String) value : d.memberNo(),
        field.equals("name") ? (String) value : d.name(),
        field.equals("gender") ? (String) value : d.gender(),
        field.equals("birthDate") ? (LocalDate) value : d.birthDate(),
        field.equals("idNumber") ? (String) value : d.idNumber(),
        field.equals("category") ? (MemberCategory) value : d.category(),
        field.equals("firmNo") ? (String) value : d.firmNo(),
        field.equals("instituteCode") ? (String) value : d.instituteCode(),
        field.equals("position") ? (String) value : d.position(),
        field.equals("mobile") ? (String) value : d.mobile(),
        field.equals("email") ? (String) value : d.email(),
        d.partner(),
        d.active());
  }
}
