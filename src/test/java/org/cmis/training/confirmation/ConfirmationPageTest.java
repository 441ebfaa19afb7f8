package org.cmis.training.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestClasses;
import org.cmis.support.WebSession;
import org.cmis.training.RegistrationStatus;
import org.cmis.training.catalog.ClassService;
import org.cmis.training.catalog.TrainingClass;
import org.cmis.training.registration.Registration;
import org.cmis.training.registration.RegistrationService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The 报名确认 page of staff (F4.4, F4.7, F4.8): list, bulk actions, late registration. */
@IntegrationTest
class ConfirmationPageTest {

  private static final Pattern ROW = Pattern.compile("data-registration=\"(\\d+)\"");

  @Autowired MockMvcTester mvc;
  @Autowired TestClasses testClasses;
  @Autowired ClassService classes;
  @Autowired RegistrationService registrations;
  @Autowired Clock clock;

  private WebSession staff;

  @BeforeEach
  void signIn() {
    staff = new WebSession(mvc);
    assertThat(staff.signIn("STAFF", "sz-staff", "Demo@2026")).hasStatus3xxRedirection();
  }

  /** Registers CPAs of a demo firm of SZ by serial; answers the registration ids in order. */
  private List<Long> register(TrainingClass c, int firm, int... serials) {
    List<RegistrationService.Applicant> people = new ArrayList<>();
    for (int s : serials) {
      people.add(new RegistrationService.Applicant("4403%04d%04d".formatted(firm, s), null, null));
    }
    return registrations.registerPeople(TestClasses.firm(firm), c.id(), people, false).stream()
        .map(r -> r.registrationId())
        .toList();
  }

  private Registration reg(long id) {
    return registrations.visibleRegistration(TestClasses.SZ_STAFF, id);
  }

  private static String page(TrainingClass c) {
    return "/manage/classes/" + c.id() + "/registrations";
  }

  private static String body(MvcTestResult result) {
    return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
  }

  private static List<Long> rows(MvcTestResult result) {
    List<Long> ids = new ArrayList<>();
    Matcher m = ROW.matcher(body(result));
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    return ids;
  }

  /** Follows the redirect after an action (the flash lives in the session). */
  private MvcTestResult follow(MvcTestResult posted) {
    assertThat(posted).hasStatus3xxRedirection();
    return staff.get(posted.getResponse().getRedirectedUrl());
  }

  @Test
  void theListShowsTheCountsAndFiltersByStatusFirmAndName() {
    TrainingClass c = testClasses.open(10, 20, false, false);
    List<Long> firm1 = register(c, 1, 1, 2, 3);
    List<Long> firm2 = register(c, 2, 1);
    registrations.confirm(TestClasses.SZ_STAFF, firm1.get(0));

    MvcTestResult all = staff.get(page(c));
    assertThat(all).hasStatusOk();
    assertThat(body(all))
        .contains("报名确认", c.name(), "培训人数", "已确认", "已报名", "最大报名人数", "候补")
        .contains("data-count=\"capacity\">10<", "data-count=\"confirmed\">1<")
        .contains("data-count=\"registered\">4<", "data-count=\"max\">20<")
        .contains("按报名顺序确认至满员", "导出待确认", "导出全部", "打印签到表", "补报名")
        .contains("事务所报名");
    assertThat(rows(all)).containsExactly(firm1.get(0), firm1.get(1), firm1.get(2), firm2.get(0));

    assertThat(rows(staff.get(page(c) + "?status=PENDING")))
        .containsExactly(firm1.get(1), firm1.get(2), firm2.get(0));
    assertThat(rows(staff.get(page(c) + "?status=CONFIRMED"))).containsExactly(firm1.get(0));
    assertThat(rows(staff.get(page(c) + "?firmNo=44030002"))).containsExactly(firm2.get(0));
    String name = reg(firm1.get(2)).name();
    assertThat(rows(staff.get(page(c) + "?name=" + name))).contains(firm1.get(2));
    assertThat(body(staff.get(page(c) + "?status=REJECTED"))).contains("暂无符合条件的报名记录");
    // A firm of another institute simply has nothing in this class.
    assertThat(rows(staff.get(page(c) + "?firmNo=11010001"))).isEmpty();
    assertThat(staff.get(page(c) + "?status=NOPE")).hasStatus(400);
    assertThat(staff.get(page(c) + "?page=0")).hasStatus(400);
  }

  @Test
  void staffConfirmTwoTickedRowsInBulk() {
    TrainingClass c = testClasses.open(10, 20, false, false);
    List<Long> ids = register(c, 3, 1, 2, 3);

    MvcTestResult after =
        follow(
            staff.post(
                page(c) + "/confirm",
                "ids",
                ids.get(0).toString(),
                "ids",
                ids.get(2).toString(),
                "status",
                "PENDING"));

    assertThat(after).hasStatusOk();
    assertThat(body(after)).contains("已确认 2 人");
    assertThat(reg(ids.get(0)).status()).isEqualTo(RegistrationStatus.CONFIRMED);
    assertThat(reg(ids.get(1)).status()).isEqualTo(RegistrationStatus.PENDING);
    assertThat(reg(ids.get(2)).status()).isEqualTo(RegistrationStatus.CONFIRMED);
    // Back on the filter the staff acted on.
    assertThat(rows(after)).containsExactly(ids.get(1));
  }

  @Test
  void confirmingOverCapacityConfirmsInOrderAndReportsTheRest() {
    TrainingClass c = testClasses.open(1, 5, false, false);
    List<Long> ids = register(c, 4, 1, 2, 3);

    MvcTestResult after =
        follow(
            staff.post(
                page(c) + "/confirm",
                "ids",
                ids.get(0).toString(),
                "ids",
                ids.get(1).toString(),
                "ids",
                ids.get(2).toString()));

    String text = body(after);
    assertThat(text).contains("已确认 1 人，2 人因已满员未确认");
    assertThat(text).contains(reg(ids.get(1)).name() + "（" + reg(ids.get(1)).memberNo() + "）");
    assertThat(reg(ids.get(0)).status()).isEqualTo(RegistrationStatus.CONFIRMED);
    assertThat(reg(ids.get(1)).status()).isEqualTo(RegistrationStatus.PENDING);
    assertThat(classes.get(TestClasses.SZ_STAFF, c.id()).confirmedCount()).isEqualTo(1);
  }

  @Test
  void confirmingNothingTickedSaysSo() {
    TrainingClass c = testClasses.open(5, 5, false, false);
    register(c, 5, 1);

    MvcTestResult none = staff.post(page(c) + "/confirm");
    assertThat(none).hasStatusOk();
    assertThat(body(none)).contains("请先勾选要处理的报名记录");
  }

  @Test
  void returningNeedsAReasonAndReportsEachRow() {
    TrainingClass c = testClasses.open(10, 20, false, false);
    List<Long> ids = register(c, 6, 1, 2, 3);
    registrations.confirm(TestClasses.SZ_STAFF, ids.get(2));

    MvcTestResult noReason =
        staff.post(
            page(c) + "/reject",
            "ids",
            ids.get(0).toString(),
            "ids",
            ids.get(1).toString(),
            "reason",
            "  ");
    assertThat(noReason).hasStatusOk();
    assertThat(body(noReason))
        .contains("请填写原因", "data-test=\"reason-error\"")
        .containsPattern(
            "<input[^>]*id=\"reason\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"reason-error\"")
        .containsPattern("<form id=\"bulk\"[^>]*novalidate");
    assertThat(reg(ids.get(0)).status()).isEqualTo(RegistrationStatus.PENDING);

    MvcTestResult after =
        follow(
            staff.post(
                page(c) + "/reject",
                "ids",
                ids.get(0).toString(),
                "ids",
                ids.get(2).toString(),
                "ids",
                ids.get(1).toString(),
                "reason",
                "不符合本期培训要求"));

    String text = body(after);
    assertThat(text).contains("已退回 2 人，1 人未能退回");
    assertThat(text).contains(reg(ids.get(2)).name(), "当前状态下无法执行此操作");
    assertThat(reg(ids.get(0)).status()).isEqualTo(RegistrationStatus.REJECTED);
    assertThat(reg(ids.get(0)).reason()).isEqualTo("不符合本期培训要求");
    assertThat(reg(ids.get(1)).status()).isEqualTo(RegistrationStatus.REJECTED);
    assertThat(reg(ids.get(2)).status()).isEqualTo(RegistrationStatus.CONFIRMED);
    assertThat(rows(staff.get(page(c) + "?status=REJECTED")))
        .containsExactly(ids.get(0), ids.get(1));
    assertThat(body(staff.get(page(c) + "?status=REJECTED"))).contains("已退回", "不符合本期培训要求");
  }

  @Test
  void confirmingUpToCapacityTakesThePendingInRegistrationOrder() {
    TrainingClass c = testClasses.open(2, 6, false, false);
    List<Long> ids = register(c, 7, 1, 2, 3, 4);

    // The button asks first, with the count the server knows (ADR 0037).
    assertThat(body(staff.get(page(c)))).contains("data-confirm=\"将确认 2 人（按报名顺序，至满员为止），确定吗？\"");
    MvcTestResult after = follow(staff.post(page(c) + "/confirm-up-to-capacity"));

    assertThat(body(after)).contains("已按报名顺序确认 2 人，2 人因已满员未确认");
    assertThat(reg(ids.get(0)).status()).isEqualTo(RegistrationStatus.CONFIRMED);
    assertThat(reg(ids.get(1)).status()).isEqualTo(RegistrationStatus.CONFIRMED);
    assertThat(reg(ids.get(2)).status()).isEqualTo(RegistrationStatus.PENDING);
    assertThat(reg(ids.get(3)).status()).isEqualTo(RegistrationStatus.PENDING);

    TrainingClass none = testClasses.open(2, 6, false, false);
    assertThat(body(follow(staff.post(page(none) + "/confirm-up-to-capacity"))))
        .contains("没有待确认的报名");
  }

  @Test
  void onlyStaffOfTheOrganiserMayUseThePage() {
    TrainingClass c = testClasses.open(5, 5, false, false);
    List<Long> ids = register(c, 8, 1);

    WebSession bj = new WebSession(mvc);
    bj.signIn("STAFF", "bj-staff", "Demo@2026");
    assertThat(bj.get(page(c))).hasStatus(403);
    assertThat(bj.post(page(c) + "/confirm", "ids", ids.get(0).toString())).hasStatus(403);
    assertThat(bj.get(page(c) + "/export")).hasStatus(403);
    assertThat(bj.get("/manage/classes/" + c.id() + "/sign-in-sheet")).hasStatus(403);
    assertThat(reg(ids.get(0)).status()).isEqualTo(RegistrationStatus.PENDING);

    WebSession firm = new WebSession(mvc);
    firm.signIn("FIRM", "44030008", "Demo@2026");
    assertThat(firm.get(page(c))).hasStatus(403);
    assertThat(firm.get(page(c) + "/export")).hasStatus(403);

    WebSession member = new WebSession(mvc);
    member.signIn("MEMBER", "440300080001", "Demo@2026");
    assertThat(member.get(page(c))).hasStatus(403);

    assertThat(staff.get("/manage/classes/999999999/registrations")).hasStatus(404);
  }

  @Test
  void staffRegisterPeopleLateAfterTheRegistrationWindow() {
    LocalDate today = LocalDate.now(clock);
    TrainingClass closed =
        classes.create(
            TestClasses.SZ_STAFF,
            TestClasses.input(
                "补报名测试班" + System.nanoTime(),
                today.minusDays(10),
                today.minusDays(2),
                today.plusDays(3),
                today.plusDays(4),
                5,
                10,
                false,
                false,
                true));

    MvcTestResult empty = staff.post(page(closed) + "/late", "memberNos", " \n ");
    assertThat(empty).hasStatusOk();
    // Our message in red under the field, which is marked and described by it (no browser bubble).
    assertThat(body(empty))
        .contains("请至少填写一个注册会计师编号", "id=\"late-error\"")
        .containsPattern("<textarea[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"late-error\"")
        .containsPattern("<form[^>]*/late\"[^>]*novalidate");

    MvcTestResult after =
        follow(
            staff.post(
                page(closed) + "/late",
                "memberNos",
                "440300090001\n440300090002\r\n440300090001\n110100010001\nXX0000"));

    String text = body(after);
    assertThat(text).contains("补报名完成：成功 2 人，未成功 3 人");
    // Each person's own reason: another institute's member, a number that does not exist.
    assertThat(text)
        .contains("已报名（待确认）", "已报名，无需重复报名", "不是本会人员", "没有这个注册会计师编号")
        .doesNotContain("编号不存在、非本会人员或不属培训对象");
    List<Long> rows = rows(staff.get(page(closed)));
    assertThat(rows).hasSize(2);
    assertThat(reg(rows.get(0)).memberNo()).isEqualTo("440300090001");
    assertThat(reg(rows.get(0)).channel()).isEqualTo(Registration.Channel.STAFF);
    assertThat(reg(rows.get(0)).status()).isEqualTo(RegistrationStatus.PENDING);

    TrainingClass draft =
        classes.create(
            TestClasses.SZ_STAFF,
            TestClasses.input(
                "草稿班" + System.nanoTime(),
                today,
                today.plusDays(2),
                today.plusDays(3),
                today.plusDays(4),
                5,
                10,
                false,
                false,
                false));
    MvcTestResult refused = staff.post(page(draft) + "/late", "memberNos", "440300090003");
    assertThat(refused).hasStatusOk();
    assertThat(body(refused)).contains("尚未开始报名");
  }

  @Test
  void theSignInSheetListsOnlyTheConfirmed() {
    TrainingClass c = testClasses.open(10, 20, false, false);
    List<Long> ids = register(c, 10, 1, 2, 3);
    registrations.confirm(TestClasses.SZ_STAFF, ids.get(0));
    registrations.confirm(TestClasses.SZ_STAFF, ids.get(2));

    MvcTestResult sheet = staff.get("/manage/classes/" + c.id() + "/sign-in-sheet");
    assertThat(sheet).hasStatusOk();
    String text = body(sheet);
    assertThat(text).contains("签到表", c.name(), c.location(), "签到", "已确认 2 人");
    assertThat(text).contains(reg(ids.get(0)).memberNo(), reg(ids.get(2)).memberNo());
    assertThat(text).doesNotContain(reg(ids.get(1)).memberNo());
    assertThat(text).contains(c.trainingStart().toString());
  }
}
