package org.cmis.training.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmis.shared.Paging;
import org.cmis.shared.upload.FileTypeTest;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestClasses;
import org.cmis.support.WebSession;
import org.cmis.training.ClassStatus;
import org.cmis.training.catalog.ClassQuery;
import org.cmis.training.catalog.ClassService;
import org.cmis.training.catalog.TrainingClass;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The notice pages end to end: staff publish, members read in the window, files come back. */
@IntegrationTest
class NoticePagesTest {

  private static final String PASSWORD = "Demo@2026";
  private static final String MEMBER = "440300010001";

  private final MockMvcTester mvc;
  private final TestClasses testClasses;
  private final ClassService classService;
  private final JdbcClient jdbc;
  private final Clock clock;

  private LocalDate today;
  private WebSession staff;

  @Autowired
  NoticePagesTest(
      MockMvcTester mvc,
      TestClasses testClasses,
      ClassService classService,
      JdbcClient jdbc,
      Clock clock) {
    this.mvc = mvc;
    this.testClasses = testClasses;
    this.classService = classService;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @BeforeEach
  void signIn() {
    today = LocalDate.now(clock);
    staff = session("STAFF", "sz-staff");
  }

  @Test
  void staffPublishANoticeWithAnAttachmentAndAClassAndAMemberReadsIt() {
    // Open since today, after the other tests' classes (open since yesterday): the form offers
    // the first 100 classes of each status, latest registration start first.
    TrainingClass c =
        classService.create(
            TestClasses.SZ_STAFF,
            TestClasses.aClass(today).registration(today, today.plusDays(5)).build());
    assertThat(staff.get("/manage/notices/new"))
        .hasStatusOk()
        .bodyText()
        .contains("新建通知", "enctype=\"multipart/form-data\"", c.name(), today.toString());
    String title = "关于举办审计新规培训班的通知 " + System.nanoTime();
    MvcTestResult created =
        postForm(
            staff,
            "/manage/notices/new",
            List.of(file("培训安排.pdf", FileTypeTest.PDF)),
            "title",
            title,
            "body",
            "# 培训安排\n\n- 时间：上午九点\n- 地点：深圳\n\n<script>alert('x')</script>\n\n"
                + "[报名须知](https://www.example.cn/guide)",
            "publishDate",
            today.toString(),
            "classIds",
            Long.toString(c.id()));
    assertThat(created).hasStatus3xxRedirection();
    long id = idOf(created.getResponse().getRedirectedUrl());
    assertThat(staff.get("/notices/" + id)).hasStatusOk().bodyText().contains("培训通知已保存", title);
    assertThat(staff.get("/manage/notices/" + id + "/edit"))
        .hasStatusOk()
        .bodyText()
        .contains("编辑通知", "value=\"" + title + "\"", "培训安排.pdf");

    WebSession member = session("MEMBER", MEMBER);
    assertThat(member.get("/notices")).hasStatusOk().bodyText().contains(title);
    MvcTestResult page = member.get("/notices/" + id);
    assertThat(page)
        .hasStatusOk()
        .bodyText()
        .contains("<h1>培训安排</h1>", "<ul><li>时间", "上午九点</li>")
        .contains("href=\"https://www.example.cn/guide\" rel=\"nofollow noopener\"")
        .contains("培训安排.pdf", c.name(), "/classes/" + c.id() + "/register")
        .doesNotContain("alert('x')");
    long attachmentId = attachmentIdOf(page, id);

    MvcTestResult download = member.get("/notices/" + id + "/attachments/" + attachmentId);
    assertThat(download).hasStatusOk().hasContentType("application/pdf");
    assertThat(download.getResponse().getHeader("Content-Disposition"))
        .startsWith("attachment;")
        .contains("filename*=UTF-8''%E5%9F%B9%E8%AE%AD%E5%AE%89%E6%8E%92.pdf");
    assertThat(download.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(FileTypeTest.PDF);
    assertThat(member.get("/notices/" + id + "/attachments/" + (attachmentId + 100_000)))
        .hasStatus(404);

    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where entity_type = 'Notice'"
                        + " and entity_id = :id and action = 'NOTICE_CREATED' and actor = 'sz-staff'")
                .param("id", Long.toString(id))
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void membersSeeANoticeOnlyFromItsPublishDateToItsExpiryDate() {
    String stamp = Long.toString(System.nanoTime());
    long future = create("未来的通知 " + stamp, today.plusDays(1), null);
    long expired = create("过期的通知 " + stamp, today.minusDays(10), today.minusDays(1));
    long lastDay = create("今天截止的通知 " + stamp, today.minusDays(3), today);

    WebSession member = session("MEMBER", MEMBER);
    assertThat(member.get("/notices?size=100"))
        .hasStatusOk()
        .bodyText()
        .doesNotContain("未来的通知 " + stamp, "过期的通知 " + stamp)
        .contains("今天截止的通知 " + stamp);
    assertThat(member.get("/notices/" + future)).hasStatus(404);
    assertThat(member.get("/notices/" + expired)).hasStatus(404);
    assertThat(member.get("/notices/" + lastDay)).hasStatusOk();
    WebSession firm = session("FIRM", "44030001");
    assertThat(firm.get("/notices/" + future)).hasStatus(404);

    assertThat(staff.get("/notices?size=100"))
        .as("staff see all of their institute's notices")
        .bodyText()
        .contains("未来的通知 " + stamp, "过期的通知 " + stamp, "未到发布日期", "已过期");
    WebSession otherStaff = session("STAFF", "bj-staff");
    assertThat(otherStaff.get("/notices/" + future)).hasStatus(404);
    assertThat(session("STAFF", "admin").get("/notices/" + future)).hasStatusOk();
    assertThat(staff.get("/notices/" + future))
        .as("a notice's state wears the one tag of its state")
        .bodyText()
        .containsPattern("class=\"tag tag-blue\"[^>]*>未到发布日期<");
    assertThat(staff.get("/notices/" + lastDay))
        .bodyText()
        .containsPattern("class=\"tag tag-green\"[^>]*>已发布<");

    // Published once the date is moved to today: the member sees it.
    assertThat(
            postForm(
                staff,
                "/manage/notices/" + future + "/edit",
                List.of(),
                "title",
                "未来的通知 " + stamp,
                "publishDate",
                today.toString()))
        .hasStatus3xxRedirection();
    assertThat(member.get("/notices/" + future)).hasStatusOk();
  }

  @Test
  void anotherInstitutesStaffCannotChangeANotice() {
    String title = "深圳的通知 " + System.nanoTime();
    long id = create(title, today, null);
    WebSession bj = session("STAFF", "bj-staff");
    assertThat(bj.get("/notices/" + id)).hasStatusOk();
    assertThat(bj.get("/manage/notices/" + id + "/edit")).hasStatus(403);
    assertThat(postForm(bj, "/manage/notices/" + id + "/edit", List.of(), "title", "改掉"))
        .hasStatus(403);
    assertThat(bj.post("/manage/notices/" + id + "/delete")).hasStatus(403);
    assertThat(session("MEMBER", MEMBER).get("/manage/notices/new")).hasStatus(403);
    assertThat(
            jdbc.sql("select title from notice where id = :id")
                .param("id", id)
                .query(String.class)
                .single())
        .isEqualTo(title);

    assertThat(staff.post("/manage/notices/" + id + "/delete")).hasStatus3xxRedirection();
    assertThat(staff.get("/notices/" + id)).hasStatus(404);
    assertThat(staff.get("/notices")).bodyText().contains("培训通知已删除");
  }

  @Test
  void aWrongTypeOrATooBigAttachmentIsAFieldError() {
    String title = "附件有误的通知 " + System.nanoTime();
    MvcTestResult wrongType =
        postForm(
            staff,
            "/manage/notices/new",
            List.of(file("伪装.pdf", FileTypeTest.PNG)),
            "title",
            title,
            "publishDate",
            today.toString());
    assertThat(wrongType)
        .hasStatusOk()
        .hasViewName("training/notice/form")
        .bodyText()
        .contains("附件类型不符", "field-error", "value=\"" + title + "\"")
        .contains("保存未成功，请重新选择要上传的附件。");

    byte[] big = new byte[(int) NoticeRules.MAX_ATTACHMENT_BYTES + 1];
    System.arraycopy(FileTypeTest.PDF, 0, big, 0, FileTypeTest.PDF.length);
    assertThat(
            postForm(
                staff,
                "/manage/notices/new",
                List.of(file("大文件.pdf", big)),
                "title",
                title,
                "publishDate",
                today.toString()))
        .hasStatusOk()
        .bodyText()
        .contains("附件不能超过 5 MB");

    List<MockMultipartFile> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add(file("第" + i + "份.pdf", FileTypeTest.PDF));
    }
    assertThat(
            postForm(
                staff,
                "/manage/notices/new",
                eleven,
                "title",
                title,
                "publishDate",
                today.toString()))
        .bodyText()
        .contains("每个通知最多 10 个附件");

    assertThat(
            postForm(
                staff,
                "/manage/notices/new",
                List.of(file("", new byte[0])),
                "title",
                "",
                "publishDate",
                "2026-02-30",
                "classIds",
                "999999999"))
        .hasStatusOk()
        .bodyText()
        .contains("请填写标题", "日期格式应为 yyyy-MM-dd", "关联的培训班不存在")
        .contains("<a href=\"#title\" data-field=\"title\">标题：请填写标题</a>")
        // no file was chosen (the browser sends an empty part): nothing to choose again
        .doesNotContain("请重新选择要上传的附件");
    assertThat(
            jdbc.sql("select count(*) from notice where title = :t")
                .param("t", title)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void theHomePageShowsTheLatestNoticesAndTheClassesOpenNow() {
    TrainingClass c = testClasses.open(10, 10, false, false);
    String title = "首页通知 " + System.nanoTime();
    long id = create(title, today, null);
    WebSession member = session("MEMBER", MEMBER);
    var open =
        classService
            .list(
                TestClasses.member(1, 1),
                new ClassQuery(null, null, null, null, null, null, null, ClassStatus.OPEN, null),
                new Paging(1, 5))
            .items();
    assertThat(open).isNotEmpty();
    MvcTestResult home = member.get("/");
    assertThat(home).hasStatusOk().bodyText().contains(title, "/notices/" + id, "注册会计师编号");
    for (var item : open) {
      assertThat(home)
          .bodyText()
          .contains(item.trainingClass().name(), "/classes/" + item.trainingClass().id());
    }
    if (open.stream().anyMatch(i -> i.trainingClass().id() == c.id())) {
      assertThat(home).bodyText().contains(c.name());
    }
    assertThat(session("STAFF", "sz-staff").get("/")).bodyText().contains(title, "本会人员", "执业注册会计师");
  }

  private long create(String title, LocalDate publish, LocalDate expiry) {
    MvcTestResult result =
        postForm(
            staff,
            "/manage/notices/new",
            List.of(),
            "title",
            title,
            "body",
            "正文",
            "publishDate",
            publish.toString(),
            "expiryDate",
            expiry == null ? "" : expiry.toString());
    assertThat(result).hasStatus3xxRedirection();
    return idOf(result.getResponse().getRedirectedUrl());
  }

  private WebSession session(String type, String account) {
    WebSession web = new WebSession(mvc);
    assertThat(web.signIn(type, account, PASSWORD)).hasRedirectedUrl("/");
    return web;
  }

  /** A multipart form POST in the session, with CSRF, as the browser sends the notice form. */
  private MvcTestResult postForm(
      WebSession web, String uri, List<MockMultipartFile> files, String... nameValues) {
    var request = mvc.post().uri(uri).multipart();
    for (MockMultipartFile f : files) {
      request = request.file(f);
    }
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      request = request.param(nameValues[i], nameValues[i + 1]);
    }
    return request
        .with(csrf())
        .with(
            r -> {
              r.setRemoteAddr(web.address());
              return r;
            })
        .cookie(new Cookie("CMIS_SESSION", web.cookie("CMIS_SESSION")))
        .exchange();
  }

  private static MockMultipartFile file(String name, byte[] content) {
    return new MockMultipartFile("attachments", name, "application/octet-stream", content);
  }

  private static long idOf(String redirect) {
    Matcher m = Pattern.compile("/notices/(\\d+)$").matcher(String.valueOf(redirect));
    assertThat(m.find()).as("redirect to the notice: " + redirect).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static long attachmentIdOf(MvcTestResult page, long noticeId) {
    String html = new String(page.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("/notices/" + noticeId + "/attachments/(\\d+)").matcher(html);
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void staffMayLinkOnlyTheirOwnInstitutesClasses() {
    TrainingClass shenzhen = testClasses.open(10, 10, false, false);
    WebSession beijing = session("STAFF", "bj-staff");
    String title = "北京的通知 " + System.nanoTime();
    assertThat(
            postForm(
                beijing,
                "/manage/notices/new",
                List.of(),
                "title",
                title,
                "publishDate",
                today.toString(),
                "classIds",
                Long.toString(shenzhen.id())))
        .hasStatusOk()
        .bodyText()
        .contains("关联的培训班不存在");
    assertThat(
            jdbc.sql("select count(*) from notice where title = :t")
                .param("t", title)
                .query(Long.class)
                .single())
        .isZero();
  }
}
