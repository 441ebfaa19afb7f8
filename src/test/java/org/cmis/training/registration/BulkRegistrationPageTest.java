package org.cmis.training.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cmis.training.registration.SelfRegistrationPageTest.body;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmis.membership.MemberDirectory;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestClasses;
import org.cmis.support.WebSession;
import org.cmis.training.catalog.TrainingClass;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** A firm registers its people in bulk through the page (F4.2). */
@IntegrationTest
class BulkRegistrationPageTest {

  private static final String FIRM = "44030018";
  private static final Pattern PICK = Pattern.compile("name=\"pick\" value=\"([^\"]+)\"");

  @Autowired MockMvcTester mvc;
  @Autowired TestClasses classes;
  @Autowired MemberDirectory members;
  @Autowired RegistrationService service;
  @Autowired JdbcClient jdbc;

  private WebSession web;
  private TrainingClass c;

  @BeforeEach
  void signIn() {
    web = new WebSession(mvc);
    assertThat(web.signIn("FIRM", FIRM, "Demo@2026")).hasStatus3xxRedirection();
    c = classes.open(100, 100, false, false);
  }

  private String url() {
    return "/classes/" + c.id() + "/register";
  }

  private static String no(int serial) {
    return FIRM + "%04d".formatted(serial);
  }

  private static List<String> picks(String html) {
    List<String> found = new ArrayList<>();
    Matcher m = PICK.matcher(html);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @Test
  void listsOnlyTheFirmsOwnEligiblePeopleWithTheNotes() {
    service.registerSelf(TestClasses.member(18, 50), c.id(), null, null, false);

    MvcTestResult page = web.get(url() + "?size=50");

    assertThat(page).hasStatusOk().hasViewName("training/registration/bulk");
    String html = body(page);
    // The class is for practising CPAs: the firm's 50 CPAs, not its practitioners, nobody else.
    assertThat(picks(html)).hasSize(49).allMatch(n -> n.startsWith(FIRM));
    assertThat(html)
        .contains("data-test=\"registered-tag\"", no(50))
        .doesNotContain("440300190001", "name=\"pick\" value=\"P")
        .contains("报名注意事项", "注册会计师编号", "注册会计师姓名", "data-notes=\"firm\"")
        // the notes say what this page does: ticks survive paging and search (ADR 0036)
        .contains("翻页和查询不会丢失已勾选的人员", "请注意查询确认信息（待确认 / 已确认）")
        .contains("请在取消截止日期之前取消报名，并提前通知培训实施单位")
        .doesNotContain("在翻页之前请先点击【报名】按钮")
        .contains("性别", "职务", "手机", "Email", "已选 0 人", "共 50 条")
        .doesNotContain("??");
  }

  @Test
  void searchesByNameAndByNumber() {
    String name = members.profile(no(7)).orElseThrow().name();

    List<String> byName = picks(body(web.get(url() + "?name=" + name)));
    assertThat(byName).contains(no(7)).allMatch(n -> n.startsWith(FIRM));
    assertThat(byName.size()).isLessThan(50);

    MvcTestResult search = web.post(url(), "op", "search", "name", "", "number", no(7));
    assertThat(search)
        .hasStatus3xxRedirection()
        .hasRedirectedUrl(url() + "?page=1&size=20&number=" + no(7));
    assertThat(picks(body(web.get(url() + "?page=1&size=20&number=" + no(7)))))
        .containsExactly(no(7));
    assertThat(body(web.get(url() + "?number=99999999"))).contains("data-test=\"people-empty\"");
  }

  @Test
  void ticksSurvivePagingAndSearching() {
    List<String> page1 = picks(body(web.get(url() + "?page=1&size=10")));
    assertThat(page1).hasSize(10);

    MvcTestResult next =
        post(page1, List.of(no(1), no(2)), "goto", "2", "currentPage", "1", "currentSize", "10");
    assertThat(next).hasStatus3xxRedirection().hasRedirectedUrl(url() + "?page=2&size=10");

    String second = body(web.get(url() + "?page=2&size=10"));
    assertThat(second).contains("已选 2 人");
    List<String> page2 = picks(second);
    post(page2, List.of(no(11)), "op", "search", "name", "", "number", FIRM + "00");

    String back = body(web.get(url() + "?page=1&size=10"));
    assertThat(back).contains("已选 3 人");
    assertThat(back)
        .containsPattern("name=\"pick\" value=\"" + no(1) + "\"[^>]*checked")
        .containsPattern("name=\"pick\" value=\"" + no(2) + "\"[^>]*checked")
        .doesNotContainPattern("name=\"pick\" value=\"" + no(3) + "\"[^>]*checked");
    String name11 = members.profile(no(11)).orElseThrow().name();
    assertThat(back).contains("data-member=\"" + no(11) + "\"", name11);

    // Unticking on its page removes a person; the remove button of the tray too.
    post(picks(back), List.of(no(1)), "goto", "1", "currentPage", "1", "currentSize", "10");
    web.post(url(), "remove", no(11), "currentSize", "10");
    assertThat(body(web.get(url() + "?page=1&size=10"))).contains("已选 1 人");
  }

  @Test
  void anInvalidEmailBlocksSendingAndIsMarked() {
    List<String> page1 = picks(body(web.get(url() + "?page=1&size=10")));

    MvcTestResult send =
        post(
            page1,
            List.of(no(3), no(4)),
            "op",
            "register",
            "email." + no(3),
            "not-an-email",
            "currentSize",
            "10");
    assertThat(send).hasStatus3xxRedirection();

    String html = body(web.get(url() + "?page=1&size=10"));
    assertThat(html)
        .contains("data-test=\"bulk-error\"", "有 1 名已选人员的手机或 Email 无效")
        .contains("value=\"not-an-email\"")
        .containsPattern("<td class=\"has-error\">\\s*<input[^>]*name=\"email\\." + no(3) + "\"")
        .contains("chip invalid");
    assertThat(registrationsOf(no(3), no(4))).isZero();
  }

  @Test
  void oneSubmissionRegistersAllTickedAndListsEachOutcome() {
    service.registerSelf(TestClasses.member(18, 6), c.id(), null, null, false);
    String stranger = "440300190001";
    List<String> page1 = picks(body(web.get(url() + "?page=1&size=10")));

    MvcTestResult send =
        post(
            page1,
            List.of(no(1), no(2), stranger),
            "op",
            "register",
            "mobile." + no(2),
            "13700001111",
            "mobile." + stranger,
            "13700002222",
            "email." + stranger,
            "x@example.com",
            "currentSize",
            "10");
    assertThat(send).hasStatus3xxRedirection();
    assertThat(send).flash().containsKey("bulkResults");

    String html = body(web.get(url() + "?page=1&size=10"));
    assertThat(html)
        .contains("data-test=\"bulk-summary\"", "已报名 2 人", "1 人未报名成功")
        .contains("data-test=\"result-table\"")
        .containsPattern("data-member=\"" + no(1) + "\" data-outcome=\"REGISTERED\"")
        .containsPattern("data-member=\"" + stranger + "\" data-outcome=\"NOT_IN_FIRM\"")
        .contains("非本所人员", "已报名", "待确认")
        .contains("已选 0 人");
    // The stranger's name is not shown to the firm.
    assertThat(html).doesNotContain(members.profile(stranger).orElseThrow().name());
    assertThat(registrationsOf(no(1), no(2))).isEqualTo(2);
    assertThat(registrationsOf(stranger)).isZero();
    assertThat(
            jdbc.sql("select mobile from registration where class_id = :c and member_no = :m")
                .param("c", c.id())
                .param("m", no(2))
                .query(String.class)
                .single())
        .isEqualTo("13700001111");
    // Now shown as registered, without a tick box.
    assertThat(picks(html)).doesNotContain(no(1), no(2), no(6));
  }

  @Test
  void aClosedClassShowsWhyAndNoForm() {
    jdbc.sql(
            "update training_class set registration_end = current_date - 1,"
                + " registration_start = current_date - 2 where id = :id")
        .param("id", c.id())
        .update();
    String html = body(web.get(url()));
    assertThat(html).contains("data-test=\"closed\"", "本培训班报名已结束").doesNotContain("bulk-form");
    assertThat(web.get(url() + "?size=1000")).hasStatus(400);
  }

  /** Posts the page form: the page's shown people, the ticked ones, then more fields. */
  private MvcTestResult post(List<String> shown, List<String> ticked, String... more) {
    List<String> fields = new ArrayList<>();
    shown.forEach(n -> fields.addAll(List.of("shown", n)));
    ticked.forEach(n -> fields.addAll(List.of("pick", n)));
    fields.addAll(List.of(more));
    return web.post(url(), fields.toArray(String[]::new));
  }

  private long registrationsOf(String... memberNos) {
    return jdbc.sql("select count(*) from registration where class_id = :c and member_no in (:m)")
        .param("c", c.id())
        .param("m", List.of(memberNos))
        .query(Long.class)
        .single();
  }
}
