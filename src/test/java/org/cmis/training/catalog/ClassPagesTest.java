package org.cmis.training.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cmis.shared.CurrentUser;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestClasses;
import org.cmis.support.TestFirms;
import org.cmis.support.WebSession;
import org.cmis.training.Audience;
import org.cmis.training.RegistrationStatus;
import org.cmis.training.registration.Registration;
import org.cmis.training.registration.RegistrationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The class list, 报名详情 and the staff class pages (F3.1 to F3.4, F3.6). */
@IntegrationTest
class ClassPagesTest {

  private static final String PASSWORD = "Demo@2026";

  private final MockMvcTester mvc;
  private final ClassService classes;
  private final RegistrationService registrations;
  private final JdbcClient jdbc;
  private final TestFirms firms;

  @Autowired
  ClassPagesTest(
      MockMvcTester mvc,
      ClassService classes,
      RegistrationService registrations,
      JdbcClient jdbc,
      TestFirms firms) {
    this.mvc = mvc;
    this.classes = classes;
    this.registrations = registrations;
    this.jdbc = jdbc;
    this.firms = firms;
  }

  // ---------------------------------------------------------------- helpers

  private WebSession as(String userType, String account) {
    WebSession web = new WebSession(mvc);
    assertThat(web.signIn(userType, account, PASSWORD)).hasStatus3xxRedirection();
    return web;
  }

  /** Signs in a member or firm of a test's own firm (see {@link TestFirms}). */
  private WebSession as(CurrentUser user) {
    WebSession web = new WebSession(mvc);
    assertThat(web.signIn(user.role().name(), user.account(), TestFirms.PASSWORD))
        .hasStatus3xxRedirection();
    return web;
  }

  /** A firm of SZ of the test's own with n practising CPAs who can sign in. */
  private TestFirms.Firm aFirm(int cpas) {
    return firms.aFirm().withCpas(cpas).withMemberAccounts().create();
  }

  /** A practising CPA of SZ of the test's own who can sign in. */
  private CurrentUser aMember() {
    return aFirm(1).member(1);
  }

  private static String token() {
    return "T" + System.nanoTime();
  }

  private LocalDate today() {
    return classes.today();
  }

  private TrainingClass create(
      String name, LocalDate rs, LocalDate re, LocalDate ts, LocalDate te, boolean published) {
    return classes.create(
        TestClasses.SZ_STAFF,
        TestClasses.input(name, rs, re, ts, te, 10, 12, false, false, published));
  }

  private TrainingClass open(String name) {
    LocalDate t = today();
    return create(name, t.minusDays(1), t.plusDays(5), t.plusDays(10), t.plusDays(11), true);
  }

  private TrainingClass openAuto(String name, int capacity, int max) {
    LocalDate t = today();
    return classes.create(
        TestClasses.SZ_STAFF,
        TestClasses.input(
            name,
            t.minusDays(1),
            t.plusDays(5),
            t.plusDays(10),
            t.plusDays(11),
            capacity,
            max,
            true,
            false,
            true));
  }

  private TrainingClass external(String name, String url) {
    LocalDate t = today();
    return classes.create(
        TestClasses.SZ_STAFF,
        TestClasses.aClass(t)
            .name(name)
            .audiences(Audience.PRACTISING_CPA)
            .location("北京")
            .hours("16")
            .ethicsHours(null)
            .places(50, 50)
            .confirmationMode(null)
            .externalAt(url)
            .build());
  }

  private static String body(MvcTestResult result) {
    try {
      return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The HTML of one class row of a list page. */
  private static String row(String body, long classId) {
    int start = body.indexOf("data-class-id=\"" + classId + "\"");
    assertThat(start).as("row of class %d", classId).isNotNegative();
    return body.substring(start, body.indexOf("</tr>", start));
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }

  /** Every field of the class form, as the browser sends it. */
  private static Map<String, String> formOf(
      String name, LocalDate rs, LocalDate re, LocalDate ts, LocalDate te, int capacity, int max) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("name", name);
    f.put("code", "");
    f.put("audiences", "PRACTISING_CPA");
    f.put("restriction", "NONE");
    f.put("restrictedFirms", "");
    f.put("mode", "ON_SITE");
    f.put("location", "深圳市福田区");
    f.put("teachers", "王老师");
    f.put("hours", "8");
    f.put("ethicsHours", "2");
    f.put("fee", "0");
    f.put("registrationStart", rs.toString());
    f.put("registrationEnd", re.toString());
    f.put("trainingStart", ts.toString());
    f.put("trainingEnd", te.toString());
    f.put("cancellationDeadline", "");
    f.put("capacity", Integer.toString(capacity));
    f.put("maxRegistrations", Integer.toString(max));
    f.put("confirmationMode", "MANUAL");
    f.put("_waitlistEnabled", "on");
    f.put("_external", "on");
    f.put("externalUrl", "");
    f.put("description", "第一行\n第二行");
    f.put("published", "true");
    f.put("_published", "on");
    return f;
  }

  private static String[] pairs(Map<String, String> form) {
    List<String> list = new ArrayList<>();
    form.forEach(
        (k, v) -> {
          list.add(k);
          list.add(v);
        });
    return list.toArray(String[]::new);
  }

  private String statusOf(long registrationId) {
    return jdbc.sql("select status from registration where id = :id")
        .param("id", registrationId)
        .query(String.class)
        .single();
  }

  // ---------------------------------------------------------------- the list

  @Test
  void aMemberSeesItsStatusAsATagAndARegisterLinkOnlyWhileOpen() {
    String t = token();
    LocalDate d = today();
    TrainingClass registered = open(t + "甲");
    TrainingClass notOpen =
        create(t + "乙", d.plusDays(3), d.plusDays(8), d.plusDays(10), d.plusDays(11), true);
    TrainingClass free = open(t + "丙");
    CurrentUser member = aMember();
    registrations.registerSelf(member, registered.id(), null, null, false);

    MvcTestResult result = as(member).get("/classes?year=&name=" + t);

    assertThat(result).hasStatusOk();
    String body = body(result);
    assertThat(body)
        .contains("<title>培训班报名")
        .contains("注意：凡参加中注协委托三院培训班的学员，本系统暂不受理报名")
        .contains("培训班最大报名人数（人）", "报名确认状态", "操作", "共 3 条");
    assertThat(row(body, registered.id()))
        .contains("tag-amber", "待确认", "报名中")
        .contains("/classes/" + registered.id() + "\"")
        .doesNotContain("data-test=\"register-link\"");
    assertThat(row(body, notOpen.id()))
        .contains("未开始报名", "未报名")
        .doesNotContain("data-test=\"register-link\"");
    assertThat(row(body, free.id()))
        .contains("未报名", "tag-green")
        .contains("href=\"/classes/" + free.id() + "/register\"");
  }

  @Test
  void aFirmSeesHowManyOfItsPeopleAreRegistered() {
    String t = token();
    TrainingClass c = open(t + "所");
    TrainingClass other = open(t + "空");
    TestFirms.Firm firm = aFirm(2);
    registrations.registerPeople(
        firm.principal(),
        c.id(),
        List.of(
            new RegistrationService.Applicant(firm.memberNo(1), null, null),
            new RegistrationService.Applicant(firm.memberNo(2), null, null)),
        false);

    String body = body(as(firm.principal()).get("/classes?year=&name=" + t));

    assertThat(body).contains("<title>培训班报名");
    assertThat(row(body, c.id())).contains("已报名 2 人").contains("/classes/" + c.id() + "/register");
    assertThat(row(body, other.id())).contains("未报名").contains("/register");
  }

  @Test
  void staffSeeTheQueryPageWithoutRegistrationColumnOrLinks() {
    String t = token();
    TrainingClass c = open(t + "查");
    TrainingClass draft = create(t + "稿", today(), today(), today(), today(), false);

    String body = body(as("STAFF", "sz-staff").get("/classes?year=&name=" + t));

    assertThat(body).contains("<title>培训班查询").doesNotContain("报名确认状态");
    assertThat(row(body, c.id())).contains("报名详情").doesNotContain("/register");
    assertThat(row(body, draft.id())).contains("未发布");
    // A member never sees a draft.
    assertThat(body(as(aMember()).get("/classes?year=&name=" + t)))
        .doesNotContain("data-class-id=\"" + draft.id() + "\"");
  }

  @Test
  void theFiltersNarrowTheList() {
    String t = token();
    LocalDate d = today();
    TrainingClass now =
        create(t + "现", d.minusDays(1), d.plusDays(5), d.plusDays(10), d.plusDays(11), true);
    TrainingClass later =
        create(t + "后", d.plusDays(20), d.plusDays(25), d.plusDays(28), d.plusDays(29), true);
    WebSession web = as(aMember());

    String byName = body(web.get("/classes?year=&name=" + t + "现"));
    assertThat(byName).contains("共 1 条", t + "现").doesNotContain(t + "后");

    String byRegistrationStart =
        body(web.get("/classes?year=&name=" + t + "&registrationStartFrom=" + d.plusDays(15)));
    assertThat(byRegistrationStart)
        .contains("data-class-id=\"" + later.id() + "\"")
        .doesNotContain("data-class-id=\"" + now.id() + "\"");

    String byTrainingEnd =
        body(web.get("/classes?year=&name=" + t + "&trainingEndTo=" + d.plusDays(15)));
    assertThat(byTrainingEnd)
        .contains("data-class-id=\"" + now.id() + "\"")
        .doesNotContain("data-class-id=\"" + later.id() + "\"");

    String byRegistrationEnd =
        body(web.get("/classes?year=&name=" + t + "&registrationEndTo=" + d.plusDays(6)));
    assertThat(byRegistrationEnd).contains("共 1 条", t + "现");

    String byAudience = body(web.get("/classes?year=&name=" + t + "&audience=PRACTITIONER"));
    assertThat(byAudience).contains("暂无培训班，请调整查询条件", "共 0 条");

    String byYear = body(web.get("/classes?year=2001&name=" + t));
    assertThat(byYear).contains("共 0 条");
  }

  @Test
  void theListIsPagedWithTheFiltersKept() {
    String t = token();
    for (int i = 0; i < 12; i++) {
      open(t + "页" + i);
    }
    WebSession web = as(aMember());

    String page2 = body(web.get("/classes?year=&name=" + t + "&size=10&page=2"));

    assertThat(page2).contains("共 12 条");
    assertThat(count(page2, "data-class-id=")).isEqualTo(2);
    assertThat(page2).contains(">11</td>", ">12</td>");
    assertThat(page2).contains("href=\"/classes?year=&amp;name=" + t + "&amp;page=1&amp;size=10\"");
    assertThat(page2).containsPattern("<option value=\"10\" selected=\"selected\">10 条/页</option>");
    assertThat(page2).contains("跳至", "name=\"page\"");

    String page1 = body(web.get("/classes?year=&name=" + t + "&size=10"));
    assertThat(count(page1, "data-class-id=")).isEqualTo(10);
  }

  @Test
  void badFilterValuesAre400AndBadPagingFallsBackToDefaults() {
    WebSession web = as(aMember());
    assertThat(web.get("/classes?year=abc")).hasStatus(400);
    assertThat(web.get("/classes?year=1800")).hasStatus(400);
    assertThat(web.get("/classes?audience=NOBODY")).hasStatus(400);
    assertThat(body(web.get("/classes?year=abc"))).contains("请求的内容有误");

    MvcTestResult fallback = web.get("/classes?page=0&size=7");
    assertThat(fallback).hasStatusOk();
    assertThat(body(fallback))
        .contains("<option value=\"20\" selected=\"selected\">20 条/页</option>");
    assertThat(web.get("/classes?page=abc&size=-1")).hasStatusOk();
    // A page past the end shows the last page.
    String t = token();
    open(t + "末");
    String past = body(web.get("/classes?year=&name=" + t + "&page=99"));
    assertThat(past).contains("共 1 条", t + "末");
  }

  @Test
  void anExternalClassShowsItsLinkAndNoRegisterLink() {
    String t = token();
    TrainingClass c = external(t + "三院", "https://www.snai.edu/apply?x=1&y=2");
    TestFirms.Firm firm = aFirm(1);

    String body = body(as(firm.member(1)).get("/classes?year=&name=" + t));

    assertThat(row(body, c.id()))
        .contains("href=\"https://www.snai.edu/apply?x=1&amp;y=2\"")
        .contains("target=\"_blank\"", "rel=\"noopener noreferrer\"", "会院报名链接", "三院")
        .doesNotContain("data-test=\"register-link\"", "/register");

    String detail = body(as(firm.principal()).get("/classes/" + c.id()));
    assertThat(detail)
        .contains("请按照有关通知中的报名链接到相关会院网站报名")
        .contains("rel=\"noopener noreferrer\"")
        .doesNotContain("data-test=\"register-link\"");
  }

  @Test
  void markupInAClassNameIsShownAsText() {
    String t = token();
    TrainingClass c = open("<script>alert(1)</script><b>x</b>" + t);

    CurrentUser member = aMember();
    String list = body(as(member).get("/classes?year=&name=" + t));
    String detail = body(as(member).get("/classes/" + c.id()));

    for (String body : List.of(list, detail)) {
      assertThat(body)
          .contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;" + t)
          .doesNotContain("<script>alert(1)")
          .doesNotContain("<b>x</b>");
    }
  }

  // ---------------------------------------------------------------- 报名详情

  @Test
  void aMemberSeesTheClassAndAllItsOwnRegistrationsInIt() {
    String t = token();
    TrainingClass c = open(t + "详");
    TestFirms.Firm firm = aFirm(2);
    CurrentUser member = firm.member(1);
    Registration first = registrations.registerSelf(member, c.id(), null, null, false);
    registrations.cancel(member, first.id(), "临时出差");
    Registration second = registrations.registerSelf(member, c.id(), null, null, false);
    registrations.registerSelf(firm.member(2), c.id(), null, null, false);

    MvcTestResult result = as(member).get("/classes/" + c.id());

    assertThat(result).hasStatusOk();
    String body = body(result);
    assertThat(body)
        .contains(t + "详", c.code(), "深圳", "面授", "8 学时（其中职业道德 2 学时）")
        .contains("注册会计师、", "非执业会员", "人工确认", "不允许候补")
        .contains(c.cancellationDeadline().toString(), "我的报名");
    assertThat(body).contains("已取消", "临时出差", "待确认", "个人报名");
    assertThat(count(body, "data-registration-id=")).isEqualTo(2);
    assertThat(body).doesNotContain(firm.memberNo(2));
    assertThat(body)
        .contains("action=\"/registrations/" + second.id() + "/cancel\"")
        .doesNotContain("action=\"/registrations/" + first.id() + "/cancel\"")
        .contains("name=\"reason\"", "name=\"_csrf\"");
  }

  @Test
  void aFirmSeesItsPeoplesRegistrationsOnly() {
    String t = token();
    TrainingClass c = open(t + "所详");
    TestFirms.Firm firm = aFirm(2);
    TestFirms.Firm other = firms.aFirm().create();
    registrations.registerPeople(
        firm.principal(),
        c.id(),
        List.of(
            new RegistrationService.Applicant(firm.memberNo(1), null, null),
            new RegistrationService.Applicant(firm.memberNo(2), null, null)),
        false);
    registrations.registerSelf(other.member(1), c.id(), null, null, false);

    String body = body(as(firm.principal()).get("/classes/" + c.id()));

    assertThat(body).contains("本所人员报名", firm.memberNo(1), firm.memberNo(2), "事务所报名");
    assertThat(body).doesNotContain(other.memberNo(1));
    assertThat(count(body, "/cancel\"")).isEqualTo(2);
  }

  @Test
  void organiserStaffSeeAllRegistrationsOtherStaffNoneAndDraftsAreHidden() {
    String t = token();
    TrainingClass c = open(t + "会");
    TestFirms.Firm firm = aFirm(1);
    TestFirms.Firm second = firms.aFirm().create();
    String one = firm.memberNo(1);
    String two = second.memberNo(1);
    registrations.registerSelf(firm.member(1), c.id(), null, null, false);
    registrations.registerSelf(second.member(1), c.id(), null, null, false);
    TrainingClass draft = create(t + "稿", today(), today(), today(), today(), false);

    String staff = body(as("STAFF", "sz-staff").get("/classes/" + c.id()));
    assertThat(staff)
        .contains("报名人员", one, two)
        .contains("href=\"/manage/classes/" + c.id() + "/registrations\"")
        .doesNotContain("/cancel\"");

    String admin = body(as("STAFF", "admin").get("/classes/" + c.id()));
    assertThat(admin).contains(one, two);

    MvcTestResult other = as("STAFF", "bj-staff").get("/classes/" + c.id());
    assertThat(other).hasStatusOk();
    assertThat(body(other)).contains(t + "会").doesNotContain(one, "报名人员");

    assertThat(as("STAFF", "bj-staff").get("/classes/" + draft.id())).hasStatus(404);
    assertThat(as(firm.member(1)).get("/classes/" + draft.id())).hasStatus(404);
    assertThat(as(firm.principal()).get("/classes/" + draft.id())).hasStatus(404);
    assertThat(as("STAFF", "sz-staff").get("/classes/" + draft.id())).hasStatusOk();
    assertThat(as(firm.member(1)).get("/classes/99999999")).hasStatus(404);
  }

  // ---------------------------------------------------------------- staff management

  @Test
  void firmsAndMembersMayNotManageClasses() {
    TestFirms.Firm firm = aFirm(1);
    assertThat(as(firm.principal()).get("/manage/classes")).hasStatus(403);
    assertThat(as(firm.member(1)).get("/manage/classes")).hasStatus(403);
    assertThat(as(firm.member(1)).get("/manage/classes/new")).hasStatus(403);
    assertThat(as("STAFF", "admin").get("/manage/classes")).hasStatus(403);
  }

  @Test
  void staffCreateAClassAndSeeFieldErrorsFirst() {
    String t = token();
    LocalDate d = today();
    WebSession web = as("STAFF", "sz-staff");
    assertThat(web.get("/manage/classes")).hasStatusOk().bodyText().contains("新建培训班");
    assertThat(web.get("/manage/classes/new")).hasStatusOk().bodyText().contains("培训班名称");

    Map<String, String> form =
        formOf("", d.plusDays(1), d.plusDays(5), d.plusDays(10), d.plusDays(11), 30, 40);
    form.remove("audiences");
    form.put("hours", "abc");
    MvcTestResult invalid = web.post("/manage/classes/new", pairs(form));
    assertThat(invalid).hasStatus(422);
    String body = body(invalid);
    assertThat(body).contains("请修正标出的错误后再保存");
    // The summary at the top lists each error with a link to its field (ADR 0037).
    assertThat(body)
        .contains("data-error-summary", "role=\"alert\"")
        .contains("<a href=\"#name\" data-field=\"name\">培训班名称：必填</a>")
        .contains("href=\"#audiences\"", "href=\"#hours\"");
    assertThat(body).containsPattern("data-test=\"error-name\">必填<");
    assertThat(body).containsPattern("data-test=\"error-audiences\">请至少选择一个培训对象<");
    assertThat(body).containsPattern("data-test=\"error-hours\">格式不正确<");
    assertThat(body).contains("value=\"30\"");

    form = formOf(t + "新", d.plusDays(1), d.plusDays(5), d.plusDays(10), d.plusDays(11), 30, 20);
    MvcTestResult order = web.post("/manage/classes/new", pairs(form));
    assertThat(order).hasStatus(422);
    assertThat(body(order))
        .containsPattern("data-test=\"error-maxRegistrations\">培训班最大报名人数不能小于培训人数<");

    form.put("maxRegistrations", "40");
    form.put("waitlistEnabled", "true");
    MvcTestResult created = web.post("/manage/classes/new", pairs(form));
    assertThat(created).hasStatus3xxRedirection().hasRedirectedUrl("/manage/classes");
    String list = body(web.get("/manage/classes?name=" + t));
    assertThat(list).contains("已保存", t + "新", "未开始报名");
    long id =
        jdbc.sql("select id from training_class where name = :n")
            .param("n", t + "新")
            .query(Long.class)
            .single();
    TrainingClass c = classes.get(TestClasses.SZ_STAFF, id);
    assertThat(c.published()).isTrue();
    assertThat(c.waitlistEnabled()).isTrue();
    assertThat(c.capacity()).isEqualTo(30);
    assertThat(c.cancellationDeadline()).isEqualTo(d.plusDays(9));
    assertThat(c.description()).isEqualTo("第一行\n第二行");
    assertThat(body(web.get("/classes/" + id))).contains("第一行\n第二行");
  }

  @Test
  void editingShowsTheStoredValuesAndRefusesPlacesBelowWhatIsTaken() {
    String t = token();
    TrainingClass c = openAuto(t + "改", 2, 3);
    TestFirms.Firm firm = firms.aFirm().withCpas(2).create();
    registrations.registerSelf(firm.member(1), c.id(), null, null, false);
    registrations.registerSelf(firm.member(2), c.id(), null, null, false);
    WebSession web = as("STAFF", "sz-staff");

    String page = body(web.get("/manage/classes/" + c.id() + "/edit"));
    assertThat(page).contains("编辑培训班", "value=\"" + t + "改\"", "value=\"" + c.code() + "\"");

    Map<String, String> form =
        formOf(
            t + "改",
            c.registrationStart(),
            c.registrationEnd(),
            c.trainingStart(),
            c.trainingEnd(),
            1,
            3);
    form.put("code", c.code());
    form.put("confirmationMode", "AUTO");
    MvcTestResult below = web.post("/manage/classes/" + c.id() + "/edit", pairs(form));
    assertThat(below).hasStatus(409);
    assertThat(body(below)).containsPattern("data-test=\"error-capacity\">培训人数不能低于已确认人数<");

    form.put("capacity", "5");
    form.put("maxRegistrations", "6");
    form.put("name", t + "改名");
    assertThat(web.post("/manage/classes/" + c.id() + "/edit", pairs(form)))
        .hasStatus3xxRedirection()
        .hasRedirectedUrl("/manage/classes");
    TrainingClass changed = classes.get(TestClasses.SZ_STAFF, c.id());
    assertThat(changed.name()).isEqualTo(t + "改名");
    assertThat(changed.capacity()).isEqualTo(5);

    // A cleared required field is an error on edit too, not "unchanged".
    form.put("hours", "");
    MvcTestResult cleared = web.post("/manage/classes/" + c.id() + "/edit", pairs(form));
    assertThat(cleared).hasStatus(422);
    assertThat(body(cleared)).containsPattern("data-test=\"error-hours\">必填<");

    // Staff of another institute may not edit it.
    assertThat(as("STAFF", "bj-staff").get("/manage/classes/" + c.id() + "/edit")).hasStatus(403);
  }

  @Test
  void staffPublishADraft() {
    String t = token();
    LocalDate d = today();
    TrainingClass draft =
        create(t + "发", d.plusDays(1), d.plusDays(5), d.plusDays(10), d.plusDays(11), false);
    WebSession web = as("STAFF", "sz-staff");
    String list = body(web.get("/manage/classes?name=" + t));
    assertThat(row(list, draft.id())).contains("未发布", "/manage/classes/" + draft.id() + "/publish");

    assertThat(web.post("/manage/classes/" + draft.id() + "/publish"))
        .hasStatus3xxRedirection()
        .hasRedirectedUrl("/manage/classes");

    assertThat(classes.get(TestClasses.SZ_STAFF, draft.id()).published()).isTrue();
    String after = body(web.get("/manage/classes?name=" + t));
    assertThat(after).contains("已发布");
    assertThat(row(after, draft.id())).contains("未开始报名").doesNotContain("/publish");
    assertThat(as("STAFF", "bj-staff").post("/manage/classes/" + draft.id() + "/publish"))
        .hasStatus(403);
  }

  @Test
  void staffCancelAClassWithAReasonAndItsRegistrationsAreCancelled() {
    String t = token();
    TrainingClass c = open(t + "消");
    Registration r =
        registrations.registerSelf(firms.aFirm().create().member(1), c.id(), null, null, false);
    WebSession web = as("STAFF", "sz-staff");

    assertThat(web.get("/manage/classes/" + c.id() + "/cancel"))
        .hasStatusOk()
        .bodyText()
        .contains("取消原因", "当前已报名 1 人");

    MvcTestResult noReason = web.post("/manage/classes/" + c.id() + "/cancel", "reason", " ");
    assertThat(noReason).hasStatus(422);
    assertThat(body(noReason)).contains("data-test=\"error-reason\"", "请填写原因");
    assertThat(statusOf(r.id())).isEqualTo(RegistrationStatus.PENDING.name());

    assertThat(web.post("/manage/classes/" + c.id() + "/cancel", "reason", "场地调整"))
        .hasStatus3xxRedirection()
        .hasRedirectedUrl("/manage/classes");
    assertThat(statusOf(r.id())).isEqualTo(RegistrationStatus.CANCELLED.name());
    assertThat(classes.get(TestClasses.SZ_STAFF, c.id()).cancelled()).isTrue();
    String list = body(web.get("/manage/classes?name=" + t));
    assertThat(list).contains("已取消培训班");
    assertThat(row(list, c.id())).contains("已取消").doesNotContain("/edit", "/cancel\"");

    MvcTestResult again = web.post("/manage/classes/" + c.id() + "/cancel", "reason", "再次");
    assertThat(again).hasStatus(409);
    assertThat(body(again)).contains("data-test=\"global-error\"");
  }
}
