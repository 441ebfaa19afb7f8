package org.cmis.credits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestClasses;
import org.cmis.support.TestFirms;
import org.cmis.support.TestFirms.Firm;
import org.cmis.support.WebSession;
import org.cmis.training.catalog.ClassService;
import org.cmis.training.catalog.TrainingClass;
import org.cmis.training.registration.RegistrationService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The hours pages (F5.4, F5.6): 学时查询 of a member, 注册会计师培训情况查询 of a firm and of staff, the firms'
 * completion rates and the shortfall export, 学时规则 of admin; who may open them.
 */
@IntegrationTest
class HoursPagesTest {

  @Autowired MockMvcTester mvc;
  @Autowired TestFirms firms;
  @Autowired JdbcClient jdbc;
  @Autowired ClassService classes;
  @Autowired RegistrationService registrations;

  private HourEntries entries;
  private Firm firm;
  private int year;

  @BeforeEach
  void setUp() {
    entries = new HourEntries(jdbc);
    firm = firms.aFirm().withCpas(3).withMemberAccounts().create();
    year = classes.today().getYear();
  }

  private WebSession signedIn(String type, String account, String password) {
    WebSession s = new WebSession(mvc);
    assertThat(s.signIn(type, account, password)).hasStatus3xxRedirection();
    return s;
  }

  private WebSession member(int n) {
    return signedIn("MEMBER", firm.memberNo(n), TestFirms.PASSWORD);
  }

  private static String body(MvcTestResult r) {
    return new String(r.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void aMemberSeesItsProgressEntriesAndTheClassesThatCloseItsShortfall() {
    String no = firm.memberNo(1);
    long manual = entries.manual(no, year, 4, "三院课程学时");
    entries.add(no, year, -4, 0, "EXTERNAL", "MANUAL", null, "重复登记", manual);
    entries.training(no, year, 8, 0, "财务报告专题培训班");
    // Offers come by registration end, soonest first, and other tests' classes close in five days:
    // these two close today, so they are surely among the offers.
    LocalDate today = classes.today();
    TrainingClass plain =
        classes.create(
            TestClasses.SZ_STAFF,
            TestClasses.aClass(today)
                .registration(today.minusDays(1), today)
                .ethicsHours("0")
                .build());
    // All ethics hours: it comes first of the offers whatever other tests left open (ethics first,
    // the most ethics hours first).
    TrainingClass ethics =
        classes.create(
            TestClasses.SZ_STAFF,
            TestClasses.aClass(today)
                .registration(today.minusDays(1), today)
                .hours("12")
                .ethicsHours("12")
                .build());
    TrainingClass taken =
        classes.create(TestClasses.SZ_STAFF, TestClasses.aClass(classes.today()).build());
    registrations.registerPeople(
        firm.principal(),
        taken.id(),
        List.of(new RegistrationService.Applicant(no, null, null)),
        false);
    TrainingClass external =
        classes.create(
            TestClasses.SZ_STAFF,
            TestClasses.aClass(classes.today())
                .external(true)
                .externalUrl("https://www.snai.edu/")
                .build());
    TrainingClass notForCpas =
        classes.create(
            TestClasses.SZ_STAFF,
            TestClasses.aClass(classes.today())
                .audiences(org.cmis.training.Audience.PRACTITIONER)
                .build());

    MvcTestResult page = member(1).get("/hours?year=" + plain.year());
    assertThat(page).hasStatusOk();
    String html = body(page);
    assertThat(html)
        .contains("学时查询")
        .contains("已完成 8 / 应完成 40 学时")
        .contains("<progress")
        .contains("value=\"20\"")
        .contains("职业道德 已完成 0 / 应完成 4 学时")
        .contains("未完成")
        .contains("尚差 32 学时")
        .contains("培训班：财务报告专题培训班")
        .contains("人工登记：三院课程学时")
        .contains("冲销")
        .contains("已冲销")
        .contains("可报名的培训班")
        .contains("含职业道德学时的培训班排在前面")
        .contains("data-offer=\"" + ethics.id() + "\"")
        .doesNotContain("data-offer=\"" + taken.id() + "\"")
        .doesNotContain("data-offer=\"" + external.id() + "\"")
        .doesNotContain("data-offer=\"" + notForCpas.id() + "\"");
    // Ethics first: the ethics class leads; the class without ethics hours comes after every one
    // with some, so it is offered only when fewer than ten classes with ethics hours are open.
    List<String> offered = new ArrayList<>();
    java.util.regex.Matcher offer =
        java.util.regex.Pattern.compile("data-offer=\"(\\d+)\"").matcher(html);
    while (offer.find()) {
      offered.add(offer.group(1));
    }
    assertThat(offered).first().isEqualTo(Long.toString(ethics.id()));
    assertThat(offered.contains(Long.toString(plain.id())) || offered.size() == 10)
        .as("the class without ethics hours is offered, or ten classes with ethics hours are")
        .isTrue();
    // The home page shows the year's progress with a link to 学时查询.
    MvcTestResult home = member(1).get("/");
    assertThat(body(home))
        .contains("本年度学时")
        .contains("data-test=\"home-progress\"")
        .contains("href=\"/hours\"");
  }

  @Test
  void oddYearsOnThePagesShowAMessageAndTheCurrentYear() {
    WebSession me = member(2);
    for (String y : new String[] {"abc", "0", "99999"}) {
      MvcTestResult r = me.get("/hours?year=" + y);
      assertThat(r).hasStatusOk();
      assertThat(body(r)).contains("年度须为 2000 到 2100 之间的四位数字").contains("应完成 40 学时");
    }
    WebSession firmSession = signedIn("FIRM", firm.firmNo(), TestFirms.PASSWORD);
    assertThat(body(firmSession.get("/hours/people?year=abc"))).contains("年度须为 2000 到 2100");
    assertThat(firmSession.get("/hours/people/export?year=abc")).hasStatus(400);
  }

  @Test
  void onlyMembersOpenTheirStatementPageAndOnlyOthersTheLists() {
    WebSession me = member(1);
    assertThat(me.get("/hours/people")).hasStatus(403);
    assertThat(me.get("/hours/people/export")).hasStatus(403);
    assertThat(me.get("/hours/firms")).hasStatus(403);
    assertThat(me.get("/admin/compliance-rules")).hasStatus(403);
    WebSession firmSession = signedIn("FIRM", firm.firmNo(), TestFirms.PASSWORD);
    assertThat(firmSession.get("/hours")).hasStatus(403);
    assertThat(firmSession.get("/hours/firms")).hasStatus(403);
    assertThat(firmSession.get("/hours/shortfall/export")).hasStatus(403);
    WebSession staff = signedIn("STAFF", "sz-staff", "Demo@2026");
    assertThat(staff.get("/admin/compliance-rules")).hasStatus(403);
  }

  @Test
  void aFirmFiltersItsPeopleOnShortAndExportsTheFilteredList() throws IOException {
    Firm other = firms.aFirm().withCpas(1).create();
    entries.training(firm.memberNo(1), year, 40, 4, "全年培训");
    WebSession s = signedIn("FIRM", firm.firmNo(), TestFirms.PASSWORD);
    String all = body(s.get("/hours/people?year=" + year));
    assertThat(all)
        .contains("注册会计师培训情况查询")
        .contains("共 3 人，合格 1 人，未完成 2 人")
        .contains("data-member=\"" + firm.memberNo(1) + "\"")
        .contains("合格")
        .doesNotContain(other.memberNo(1));
    String shortOnly = body(s.get("/hours/people?year=" + year + "&short=true"));
    assertThat(shortOnly)
        .doesNotContain("data-member=\"" + firm.memberNo(1) + "\"")
        .contains("data-member=\"" + firm.memberNo(2) + "\"")
        .contains("data-member=\"" + firm.memberNo(3) + "\"")
        .contains("/hours/people/export?year=" + year + "&amp;short=true");
    // Another firm's number is ignored for a firm: still only its own people.
    assertThat(body(s.get("/hours/people?year=" + year + "&firmNo=" + other.firmNo())))
        .doesNotContain(other.memberNo(1))
        .contains(firm.memberNo(2));
    assertThat(body(s.get("/hours/people?year=" + year + "&q=" + firm.memberNo(3))))
        .contains("data-member=\"" + firm.memberNo(3) + "\"")
        .doesNotContain("data-member=\"" + firm.memberNo(2) + "\"");

    MvcTestResult export = s.get("/hours/people/export?year=" + year + "&short=true");
    assertThat(export).hasStatusOk();
    assertThat(export.getResponse().getContentType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    List<List<String>> rows = rows(export.getResponse().getContentAsByteArray(), 0);
    assertThat(rows.get(0)).startsWith("序号", "注册会计师编号", "姓名", "事务所编号", "事务所名称");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1).get(1)).isEqualTo(firm.memberNo(2));
    assertThat(rows.get(1).get(10)).isEqualTo("未完成");
  }

  @Test
  void staffSeeTheirInstituteAcrossFirmsTheRatesAndTheShortfallReport() throws IOException {
    Firm bj = firms.aFirm().inInstitute("BJ").withCpas(1).create();
    entries.training(firm.memberNo(1), year, 40, 4, "全年培训");
    WebSession staff = signedIn("STAFF", "sz-staff", "Demo@2026");
    String list = body(staff.get("/hours/people?year=" + year + "&firmNo=" + firm.firmNo()));
    assertThat(list).contains("共 3 人，合格 1 人，未完成 2 人").contains(firm.name());
    assertThat(staff.get("/hours/people?firmNo=" + bj.firmNo())).hasStatus(403);
    assertThat(body(staff.get("/hours/people?q=" + bj.memberNo(1))))
        .doesNotContain("data-member=\"" + bj.memberNo(1));

    String rates = body(staff.get("/hours/firms?year=" + year + "&sort=firmNo"));
    assertThat(rates)
        .contains("事务所继续教育完成率")
        .contains(firm.name())
        .contains("33.3%")
        .doesNotContain(bj.firmNo());

    MvcTestResult shortfall = staff.get("/hours/shortfall/export?year=" + year);
    assertThat(shortfall).hasStatusOk();
    List<List<String>> rows = rows(shortfall.getResponse().getContentAsByteArray(), 0);
    assertThat(rows.get(0)).startsWith("事务所编号", "事务所名称", "注册会计师编号");
    List<String> ours =
        rows.stream().filter(r -> r.get(0).equals(firm.firmNo())).map(r -> r.get(2)).toList();
    assertThat(ours).containsExactly(firm.memberNo(2), firm.memberNo(3));
    assertThat(rows.stream().anyMatch(r -> r.get(0).equals(bj.firmNo()))).isFalse();
    List<List<String>> byFirm = rows(shortfall.getResponse().getContentAsByteArray(), 1);
    assertThat(byFirm.stream().filter(r -> r.get(0).equals(firm.firmNo())).map(r -> r.get(2)))
        .containsExactly("2");

    // Admin sees everyone, or one institute.
    WebSession admin = signedIn("STAFF", "admin", "Demo@2026");
    assertThat(body(admin.get("/hours/people?q=" + firm.memberNo(2))))
        .contains("data-member=\"" + firm.memberNo(2) + "\"");
    assertThat(body(admin.get("/hours/people?institute=BJ&q=" + firm.memberNo(2))))
        .doesNotContain("data-member=\"" + firm.memberNo(2) + "\"");
    assertThat(body(admin.get("/hours/firms?institute=SZ"))).contains(firm.firmNo());

    // BJ staff see nothing of SZ.
    WebSession bjStaff = signedIn("STAFF", "bj-staff", "Demo@2026");
    assertThat(body(bjStaff.get("/hours/people?q=" + firm.memberNo(1))))
        .doesNotContain("data-member=\"" + firm.memberNo(1));
    assertThat(body(bjStaff.get("/hours/firms"))).doesNotContain(firm.firmNo());
  }

  @Test
  void adminSetsARuleOnTheSettingsPageWithMarkedFields() {
    WebSession admin = signedIn("STAFF", "admin", "Demo@2026");
    MvcTestResult page = admin.get("/admin/compliance-rules?year=2097");
    assertThat(page).hasStatusOk();
    assertThat(body(page))
        .contains("学时规则")
        .contains("每年应完成学时")
        .contains("产出法学时上限")
        .contains("执业注册会计师")
        .contains("非执业会员")
        .contains("value=\"16\"");
    MvcTestResult bad =
        admin.post(
            "/admin/compliance-rules",
            "year",
            "2097",
            "category",
            "PRACTITIONER",
            "requiredHours",
            "10",
            "requiredEthicsHours",
            "12",
            "outputCap",
            "300",
            "inputMinimum",
            "",
            "carryOverCap",
            "5",
            "cycleYears",
            "9",
            "cycleHours",
            "abc");
    assertThat(bad).hasStatusOk();
    String html = body(bad);
    assertThat(html)
        .contains("data-test=\"error-summary\"", "请修正以下")
        .contains("职业道德学时不得超过每年应完成学时")
        .contains("须在 0 到 200 之间")
        .contains("设置结转上限时须同时设置投入式学时下限")
        .contains("请输入数字")
        .contains("data-test=\"error-requiredEthicsHours\"")
        .contains("has-error")
        .contains("value=\"300\"");
    assertThat(
            jdbc.sql("select count(*) from compliance_rule where year = 2097")
                .query(Integer.class)
                .single())
        .isZero();
    MvcTestResult good =
        admin.post(
            "/admin/compliance-rules",
            "year",
            "2097",
            "category",
            "PRACTITIONER",
            "requiredHours",
            "20",
            "requiredEthicsHours",
            "2",
            "cycleYears",
            "3",
            "cycleHours",
            "60");
    assertThat(good).hasStatus3xxRedirection();
    String after = body(admin.get(good.getResponse().getRedirectedUrl()));
    assertThat(after).contains("已保存从业人员的学时规则").contains("本年度已单独设置");
    assertThat(body(admin.get("/admin/compliance-rules?year=2098"))).contains("沿用 2097 年度规则");
    assertThat(body(admin.get("/admin/compliance-rules?year=abc"))).contains("年度须为 2000 到 2100");
  }

  private static List<List<String>> rows(byte[] xlsx, int sheetIndex) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheetAt(sheetIndex);
      org.apache.poi.ss.usermodel.DataFormatter format =
          new org.apache.poi.ss.usermodel.DataFormatter();
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
          cells.add(format.formatCellValue(row.getCell(i)));
        }
        rows.add(cells);
      }
    }
    return rows;
  }
}
