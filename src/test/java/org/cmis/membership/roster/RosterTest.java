package org.cmis.membership.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cmis.membership.MemberCategory;
import org.cmis.shared.CmisException;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.Paging;
import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestFirms;
import org.cmis.support.TestFirms.Firm;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The firm's roster (F2.5) on the real PostgreSQL: its API, its page, its scope, its races. */
@IntegrationTest
class RosterTest {

  @Autowired MockMvcTester mvc;
  @Autowired TestFirms firms;
  @Autowired FirmRoster roster;
  @Autowired JdbcClient jdbc;

  private static String body(String name, String idNumber, String mobile) {
    return """
        {"name": "%s", "idNumber": "%s", "mobile": "%s", "email": "p@example.cn", "position": "审计助理"}
        """
        .formatted(name, idNumber, mobile);
  }

  private MvcTestResult post(String token, String uri, String json) {
    return mvc.post()
        .uri(uri)
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .content(json)
        .exchange();
  }

  private MvcTestResult put(String token, String uri, String json) {
    return mvc.put()
        .uri(uri)
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .content(json)
        .exchange();
  }

  private MvcTestResult get(String token, String uri) {
    return mvc.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
  }

  private static String json(MvcTestResult r, String path) {
    try {
      return JsonPath.read(r.getResponse().getContentAsString(StandardCharsets.UTF_8), path)
          .toString();
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String token(Firm f) {
    return ApiTokens.of(mvc, "FIRM", f.account(), TestFirms.PASSWORD);
  }

  private List<String> history(String memberNo) {
    return jdbc.sql(
            "select h.changed_by || ' ' || h.field || ' ' || coalesce(h.new_value, '')"
                + " from member_history h join member m on m.id = h.member_id"
                + " where m.member_no = :no order by h.id")
        .param("no", memberNo)
        .query(String.class)
        .list();
  }

  @Test
  void aFirmAddsEditsAndDeactivatesItsPractitionerThroughTheApi() {
    Firm f = firms.aFirm().create();
    String token = token(f);
    String id = TestIdNumbers.next(false);
    MvcTestResult added =
        post(
            token,
            "/api/v1/firms/" + f.firmNo() + "/practitioners",
            body("李小红", id, "13900001234"));
    assertThat(added).hasStatus(201);
    String no = json(added, "$.memberNo");
    assertThat(no).matches("P[0-9]{8}");
    assertThat(Long.parseLong(no.substring(1))).isGreaterThan(10_000_000L);
    assertThat(json(added, "$.gender")).isEqualTo("F");
    assertThat(json(added, "$.birthDate"))
        .isEqualTo(id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14));
    assertThat(json(added, "$.idNumber"))
        .isEqualTo(id.substring(0, 4) + "**********" + id.substring(14));
    assertThat(json(added, "$.category")).isEqualTo("PRACTITIONER");
    assertThat(json(added, "$.active")).isEqualTo("true");
    assertThat(history(no)).allMatch(h -> h.startsWith("事务所（" + f.firmNo() + "）"));
    assertThat(history(no)).anyMatch(h -> h.contains("idNumber") && h.contains("**********"));

    MvcTestResult edited =
        put(token, "/api/v1/practitioners/" + no, body("李小红", id, "13900005678"));
    assertThat(edited).hasStatusOk();
    assertThat(json(edited, "$.mobile")).isEqualTo("13900005678");
    assertThat(history(no)).last().asString().contains("mobile 13900005678");

    MvcTestResult listed =
        get(token, "/api/v1/firms/" + f.firmNo() + "/people?category=PRACTITIONER&q=" + no);
    assertThat(listed).hasStatusOk();
    assertThat(json(listed, "$.total")).isEqualTo("1");

    MvcTestResult off = post(token, "/api/v1/practitioners/" + no + "/deactivate", "");
    assertThat(off).hasStatusOk();
    assertThat(json(off, "$.active")).isEqualTo("false");
    assertThat(post(token, "/api/v1/practitioners/" + no + "/deactivate", "")).hasStatusOk();
    assertThat(history(no).stream().filter(h -> h.contains(" active "))).hasSize(1); // once off
    MvcTestResult again = put(token, "/api/v1/practitioners/" + no, body("李小红", id, "13900005678"));
    assertThat(again).hasStatus(409);

    // The ID number is free again once its holder is inactive.
    assertThat(post(token, "/api/v1/firms/" + f.firmNo() + "/practitioners", body("李小红", id, "")))
        .hasStatus(201);
  }

  @Test
  void aDuplicateActiveIdNumberIsRefusedWithAClearMessage() {
    Firm a = firms.aFirm().create();
    Firm b = firms.aFirm().create();
    String id = TestIdNumbers.next(true);
    assertThat(post(token(a), "/api/v1/firms/" + a.firmNo() + "/practitioners", body("张伟", id, "")))
        .hasStatus(201);
    MvcTestResult dup =
        post(token(b), "/api/v1/firms/" + b.firmNo() + "/practitioners", body("张伟", id, ""));
    assertThat(dup).hasStatus(422);
    assertThat(json(dup, "$.code")).isEqualTo("VALIDATION_FAILED");
    assertThat(json(dup, "$.errors[0].field")).isEqualTo("idNumber");
    assertThat(json(dup, "$.errors[0].message")).contains("已登记为在职从业人员");
  }

  @Test
  void badInputIsA422NamingEachField() {
    Firm f = firms.aFirm().create();
    MvcTestResult bad =
        post(
            token(f),
            "/api/v1/firms/" + f.firmNo() + "/practitioners",
            body("", TestIdNumbers.wrongCheck(TestIdNumbers.next(true)), "123"));
    assertThat(bad).hasStatus(422);
    assertThat(bad)
        .bodyJson()
        .extractingPath("$.errors[*].field")
        .asArray()
        .contains("name", "idNumber", "mobile");
    long created =
        jdbc.sql(
                "select count(*) from member m join firm f on f.id = m.firm_id where f.firm_no = :f"
                    + " and m.category = 'PRACTITIONER'")
            .param("f", f.firmNo())
            .query(Long.class)
            .single();
    assertThat(created).isZero();
  }

  @Test
  void aFirmCannotTouchAnotherFirmsPeopleNorChangeItsOwnCpas() {
    Firm a = firms.aFirm().withPractitioners(1).create();
    Firm b = firms.aFirm().inInstitute("BJ").withPractitioners(1).create();
    String other = b.practitioners().get(0).memberNo();
    String tokenA = token(a);
    String id = TestIdNumbers.next(true);
    assertThat(put(tokenA, "/api/v1/practitioners/" + other, body("某人", id, ""))).hasStatus(404);
    assertThat(post(tokenA, "/api/v1/practitioners/" + other + "/deactivate", "")).hasStatus(404);
    assertThat(get(tokenA, "/api/v1/firms/" + b.firmNo() + "/people")).hasStatus(403);
    assertThat(post(tokenA, "/api/v1/firms/" + b.firmNo() + "/practitioners", body("某人", id, "")))
        .hasStatus(403);
    MvcTestResult cpa = put(tokenA, "/api/v1/practitioners/" + a.memberNo(1), body("某人", id, ""));
    assertThat(cpa).hasStatus(403);
    assertThat(post(tokenA, "/api/v1/practitioners/" + a.memberNo(1) + "/deactivate", ""))
        .hasStatus(403);

    String szStaff = ApiTokens.demo(mvc, "STAFF", "sz-staff");
    assertThat(get(szStaff, "/api/v1/firms/" + a.firmNo() + "/people")).hasStatusOk();
    assertThat(get(szStaff, "/api/v1/firms/" + b.firmNo() + "/people")).hasStatus(403);
    assertThat(
            post(
                szStaff,
                "/api/v1/practitioners/" + a.practitioners().get(0).memberNo() + "/deactivate",
                ""))
        .hasStatus(403);
    assertThat(
            get(ApiTokens.demo(mvc, "ADMIN", "admin"), "/api/v1/firms/" + b.firmNo() + "/people"))
        .hasStatusOk();
    String member = ApiTokens.demo(mvc, "MEMBER", "440300010001");
    assertThat(get(member, "/api/v1/firms/44030001/people")).hasStatus(403);
    assertThat(post(member, "/api/v1/firms/44030001/practitioners", body("某人", id, "")))
        .hasStatus(403);
    // nothing was changed by any refused call
    assertThat(history(other)).isEmpty();
  }

  @Test
  void theRosterPageListsAddsAndRefusesWithFieldMessages() {
    Firm f = firms.aFirm().withCpas(3).create();
    WebSession web = new WebSession(mvc);
    assertThat(web.signIn("FIRM", f.account(), TestFirms.PASSWORD)).hasStatus3xxRedirection();
    assertThat(web.get("/firm/people?tab=cpas"))
        .hasStatusOk()
        .bodyText()
        .contains(f.memberNo(2))
        .contains("统一监管平台");
    String id = TestIdNumbers.next(true);
    MvcTestResult added =
        web.post(
            "/firm/people/new",
            "name",
            "周强",
            "gender",
            "",
            "idNumber",
            id,
            "mobile",
            "13700001111",
            "email",
            "",
            "position",
            "审计员");
    assertThat(added).hasStatus3xxRedirection();
    assertThat(web.get("/firm/people"))
        .hasStatusOk()
        .bodyText()
        .contains("周强")
        .contains(id.substring(0, 4) + "**********");
    MvcTestResult dup =
        web.post(
            "/firm/people/new",
            "name",
            "周强",
            "gender",
            "",
            "idNumber",
            id,
            "mobile",
            "",
            "email",
            "",
            "position",
            "");
    assertThat(dup).hasStatus(422).bodyText().contains("已登记为在职从业人员");
    MvcTestResult wrong =
        web.post(
            "/firm/people/new",
            "name",
            "周强",
            "gender",
            "F",
            "idNumber",
            id,
            "mobile",
            "",
            "email",
            "",
            "position",
            "");
    assertThat(wrong).hasStatus(422).bodyText().contains("性别与身份证号码不符");
    // The summary at the top links the error to its field (ADR 0037).
    assertThat(wrong)
        .bodyText()
        .containsPattern("<a href=\"#gender\" data-field=\"gender\">性别：[^<]*性别与身份证号码不符");
    assertThat(web.get("/firm/people/" + f.memberNo(1) + "/edit")).hasStatus(403);
    String no =
        jdbc.sql(
                "select m.member_no from member m join firm f on f.id = m.firm_id"
                    + " where f.firm_no = :f and m.category = 'PRACTITIONER'")
            .param("f", f.firmNo())
            .query(String.class)
            .single();
    assertThat(web.get("/firm/people/" + no + "/edit")).hasStatusOk().bodyText().contains(id);
    assertThat(
            web.post(
                "/firm/people/" + no + "/edit",
                "name",
                "周强",
                "gender",
                "M",
                "idNumber",
                id,
                "mobile",
                "13700002222",
                "email",
                "zq@example.cn",
                "position",
                "高级审计员"))
        .hasStatus3xxRedirection();
    assertThat(web.get("/firm/people?q=" + no)).bodyText().contains("13700002222", "高级审计员");
    assertThat(web.post("/firm/people/" + no + "/deactivate")).hasStatus3xxRedirection();
    assertThat(web.get("/firm/people?q=" + no)).bodyText().contains("已停用");
    Firm other = firms.aFirm().create();
    WebSession otherWeb = new WebSession(mvc);
    otherWeb.signIn("FIRM", other.account(), TestFirms.PASSWORD);
    assertThat(otherWeb.get("/firm/people/" + no + "/edit")).hasStatus(404);
    assertThat(otherWeb.post("/firm/people/" + no + "/deactivate")).hasStatus(404);
    assertThat(otherWeb.get("/firm/people?q=" + no)).bodyText().doesNotContain(no + "<");
  }

  @Test
  void manyFirmsAddingTheSameIdNumberAtOnceLeaveExactlyOneActivePerson() throws Exception {
    int threads = 8;
    List<Firm> many = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      many.add(firms.aFirm().create());
    }
    String id = TestIdNumbers.next(true);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    for (Firm f : many) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  roster.add(f.principal(), new PractitionerInput("陈军", "", id, "", "", ""));
                  return "ADDED";
                } catch (CmisException e) {
                  return e.code() + ":" + e.errors();
                }
              }));
    }
    start.countDown();
    List<String> outcomes = new ArrayList<>();
    for (Future<String> r : results) {
      outcomes.add(r.get());
    }
    pool.shutdown();
    assertThat(outcomes).filteredOn("ADDED"::equals).hasSize(1);
    assertThat(outcomes)
        .filteredOn(o -> !o.equals("ADDED"))
        .allMatch(
            o ->
                o.startsWith(ErrorCode.VALIDATION_FAILED + ":")
                    && o.contains(FirmRoster.DUPLICATE_ID));
    long active =
        jdbc.sql(
                "select count(*) from member where id_number = :id and active and category = 'PRACTITIONER'")
            .param("id", id)
            .query(Long.class)
            .single();
    assertThat(active).isOne();
  }

  @Test
  void theServiceRefusesStaffAndMembersAsChangers() {
    Firm f = firms.aFirm().create();
    assertThatThrownBy(
            () ->
                roster.add(
                    f.member(1),
                    new PractitionerInput("某人", "", TestIdNumbers.next(true), "", "", "")))
        .isInstanceOfSatisfying(
            CmisException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    assertThat(
            roster
                .people(
                    f.principal(),
                    f.firmNo(),
                    MemberCategory.PRACTISING_CPA,
                    null,
                    new Paging(1, 20))
                .total())
        .isOne();
  }

  @Autowired org.cmis.training.catalog.ClassService classes;
  @Autowired java.time.Clock clock;

  @Test
  void aDeactivatedPractitionerCanNoLongerBeRegisteredAndAnActiveOneCan() {
    Firm f = firms.aFirm().create();
    String token = token(f);
    String active =
        json(
            post(
                token,
                "/api/v1/firms/" + f.firmNo() + "/practitioners",
                body("甲", TestIdNumbers.next(true), "13700000001")),
            "$.memberNo");
    String gone =
        json(
            post(
                token,
                "/api/v1/firms/" + f.firmNo() + "/practitioners",
                body("乙", TestIdNumbers.next(true), "13700000002")),
            "$.memberNo");
    assertThat(post(token, "/api/v1/practitioners/" + gone + "/deactivate", "")).hasStatusOk();
    var c =
        classes.create(
            org.cmis.support.TestClasses.SZ_STAFF,
            org.cmis.support.TestClasses.aClass(java.time.LocalDate.now(clock))
                .audiences(org.cmis.training.Audience.PRACTITIONER)
                .places(10, 10)
                .build());
    MvcTestResult r =
        post(
            token,
            "/api/v1/classes/" + c.id() + "/registrations",
            """
            {"people": [{"memberNo": "%s", "email": "a@example.cn"}, {"memberNo": "%s", "email": "b@example.cn"}]}
            """
                .formatted(active, gone));
    assertThat(r).hasStatusOk();
    assertThat(json(r, "$.results[0].outcome")).isEqualTo("REGISTERED");
    assertThat(json(r, "$.results[1].outcome")).isEqualTo("NOT_ELIGIBLE");
  }

  @Test
  void theEndpointsAreInTheOpenApiDocument() {
    assertThat(mvc.get().uri("/v3/api-docs").exchange())
        .bodyText()
        .contains(
            "/api/v1/firms/{firmNo}/people",
            "/api/v1/firms/{firmNo}/practitioners",
            "/api/v1/practitioners/{memberNo}",
            "/api/v1/practitioners/{memberNo}/deactivate",
            "/api/v1/imports/members",
            "/api/v1/imports/firms");
  }
}
