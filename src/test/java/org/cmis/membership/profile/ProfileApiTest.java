package org.cmis.membership.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cmis.membership.ChangedBy;
import org.cmis.membership.MemberCategory;
import org.cmis.membership.MemberChanges;
import org.cmis.membership.MemberData;
import org.cmis.shared.IdNumber;
import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestFirms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * {@code GET|PATCH /api/v1/members/{memberNo}} and its history on the real PostgreSQL (API.md,
 * Members): every F2.1 field with the ID number masked, the scope (others 404), local fields only.
 */
@IntegrationTest
class ProfileApiTest {

  @Autowired MockMvcTester mvc;
  @Autowired TestFirms firms;
  @Autowired JdbcClient jdbc;
  @Autowired MemberChanges changes;

  private TestFirms.Firm firm;
  private String no;
  private String self;

  @BeforeEach
  void firm() {
    firm = ProfileFixtures.firm(firms, jdbc, "SZ");
    no = firm.memberNo(1);
    self = member(no);
  }

  private String member(String memberNo) {
    return ApiTokens.of(mvc, "MEMBER", memberNo, TestFirms.PASSWORD);
  }

  private MvcTestResult get(String token, String path) {
    return mvc.get().uri(path).header("Authorization", "Bearer " + token).exchange();
  }

  private MvcTestResult patch(String token, String memberNo, String json) {
    return mvc.patch()
        .uri("/api/v1/members/" + memberNo)
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .content(json)
        .exchange();
  }

  private static String body(MvcTestResult r) {
    try {
      return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String mobileOf(String memberNo) {
    return jdbc.sql("select mobile from member where member_no = :no")
        .param("no", memberNo)
        .query(String.class)
        .single();
  }

  @Test
  void theMemberReadsEveryF21FieldWithTheIdNumberMasked() {
    String id = ProfileFixtures.idNumberOf(jdbc, no);
    MvcTestResult r = get(self, "/api/v1/members/" + no);

    assertThat(r).hasStatusOk();
    assertThat(r)
        .bodyJson()
        .extractingPath("$")
        .asMap()
        .containsOnlyKeys(
            "memberNo",
            "name",
            "gender",
            "birthDate",
            "idNumber",
            "category",
            "firmNo",
            "instituteCode",
            "position",
            "partner",
            "active",
            "mobile",
            "email",
            "address");
    Map<String, Object> m = JsonPath.read(body(r), "$");
    assertThat(m)
        .containsEntry("memberNo", no)
        .containsEntry("name", firm.cpa(1).name())
        .containsEntry("gender", "M")
        .containsEntry("birthDate", "1985-06-15")
        .containsEntry("idNumber", id.substring(0, 4) + "**********" + id.substring(14))
        .containsEntry("category", "PRACTISING_CPA")
        .containsEntry("firmNo", firm.firmNo())
        .containsEntry("instituteCode", "SZ")
        .containsEntry("position", "主任会计师")
        .containsEntry("partner", true)
        .containsEntry("active", true)
        .containsEntry("mobile", firm.cpa(1).mobile())
        .containsEntry("email", firm.cpa(1).email())
        .containsEntry("address", "");
    assertThat(body(r)).doesNotContain(id);
  }

  @Test
  void itsFirmStaffOfItsInstituteAndAdminSeeItOthersGet404() {
    TestFirms.Firm other = ProfileFixtures.firm(firms, jdbc, "SZ");
    String path = "/api/v1/members/" + no;
    assertThat(get(ApiTokens.of(mvc, "FIRM", firm.account(), TestFirms.PASSWORD), path))
        .hasStatusOk();
    assertThat(get(ApiTokens.demo(mvc, "STAFF", "sz-staff"), path)).hasStatusOk();
    assertThat(get(ApiTokens.demo(mvc, "ADMIN", "admin"), path)).hasStatusOk();

    for (String token :
        List.of(
            member(firm.memberNo(2)),
            member(other.memberNo(1)),
            ApiTokens.of(mvc, "FIRM", other.account(), TestFirms.PASSWORD),
            ApiTokens.demo(mvc, "STAFF", "bj-staff"))) {
      for (String p : List.of(path, path + "/history")) {
        assertThat(get(token, p))
            .as(p)
            .hasStatus(404)
            .bodyJson()
            .extractingPath("$.code")
            .isEqualTo("NOT_FOUND");
        assertThat(body(get(token, p))).doesNotContain(firm.cpa(1).name());
      }
    }
    String admin = ApiTokens.demo(mvc, "ADMIN", "admin");
    assertThat(get(admin, "/api/v1/members/449999999999")).hasStatus(404);
    assertThat(get(admin, "/api/v1/members/" + "9".repeat(40))).hasStatus(404);
    assertThat(get(admin, path + "/history")).hasStatusOk();
  }

  @Test
  void theMemberChangesItsMobileAndTheHistoryHoldsItOnceWithWho() {
    String before = mobileOf(no);
    MvcTestResult r = patch(self, no, "{\"mobile\": \"13912345678\"}");

    assertThat(r).hasStatusOk().bodyJson().extractingPath("$.mobile").isEqualTo("13912345678");
    assertThat(r).bodyJson().extractingPath("$.email").isEqualTo(firm.cpa(1).email());
    assertThat(get(self, "/api/v1/members/" + no))
        .bodyJson()
        .extractingPath("$.mobile")
        .isEqualTo("13912345678");
    MvcTestResult h = get(self, "/api/v1/members/" + no + "/history");
    assertThat(h).hasStatusOk().bodyJson().extractingPath("$.total").isEqualTo(1);
    assertThat(h)
        .bodyJson()
        .extractingPath("$.items[0]")
        .asMap()
        .containsOnlyKeys("at", "by", "field", "from", "to")
        .containsEntry("by", "本人（" + no + "）")
        .containsEntry("field", "mobile")
        .containsEntry("from", before)
        .containsEntry("to", "13912345678");
    // The same again changes nothing and adds no history.
    assertThat(patch(self, no, "{\"mobile\": \"13912345678\"}")).hasStatusOk();
    assertThat(ProfileFixtures.historyCount(jdbc, no)).isEqualTo(1);
    // Staff of the institute see the history too.
    assertThat(get(ApiTokens.demo(mvc, "STAFF", "sz-staff"), "/api/v1/members/" + no + "/history"))
        .bodyJson()
        .extractingPath("$.items[0].to")
        .isEqualTo("13912345678");
  }

  @Test
  void absentOrNullKeepsAFieldAndAnEmptyTextClearsIt() {
    assertThat(patch(self, no, "{\"address\": \"深圳市福田区深南大道 1 号\", \"email\": null}"))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.address")
        .isEqualTo("深圳市福田区深南大道 1 号");
    assertThat(patch(self, no, "{\"address\": \"\"}"))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.address")
        .isEqualTo("");
    assertThat(get(self, "/api/v1/members/" + no))
        .bodyJson()
        .extractingPath("$.email")
        .isEqualTo(firm.cpa(1).email());
    assertThat(ProfileFixtures.historyCount(jdbc, no)).isEqualTo(2);
  }

  @Test
  void aPlatformOwnedFieldIsRefusedByNameAndNothingChanges() {
    String before = mobileOf(no);
    for (String field :
        List.of(
            "\"name\": \"李四\"",
            "\"gender\": \"F\"",
            "\"birthDate\": \"1990-01-01\"",
            "\"idNumber\": \"440305199001011234\"",
            "\"category\": \"NON_PRACTISING\"",
            "\"firmNo\": \"44030002\"",
            "\"instituteCode\": \"BJ\"",
            "\"position\": \"合伙人\"",
            "\"partner\": false",
            "\"active\": false",
            "\"memberNo\": \"440300010002\"")) {
      String name = field.substring(1, field.indexOf('"', 1));
      MvcTestResult r = patch(self, no, "{\"mobile\": \"13912345678\", " + field + "}");
      assertThat(r)
          .as(field)
          .hasStatus(422)
          .bodyJson()
          .extractingPath("$.code")
          .isEqualTo("VALIDATION_FAILED");
      assertThat(r).bodyJson().extractingPath("$.errors[0].field").isEqualTo(name);
      assertThat(r).bodyJson().extractingPath("$.errors[0].message").asString().contains("统一监管平台");
    }
    MvcTestResult two = patch(self, no, "{\"name\": \"李四\", \"gender\": \"F\"}");
    assertThat(two)
        .bodyJson()
        .extractingPath("$.errors[*].field")
        .asArray()
        .contains("name", "gender");
    assertThat(mobileOf(no)).isEqualTo(before);
    assertThat(ProfileFixtures.historyCount(jdbc, no)).isZero();
  }

  @Test
  void badLocalValuesAre422WithEveryErrorAndNothingChanges() {
    String before = mobileOf(no);
    MvcTestResult r =
        patch(
            self,
            no,
            "{\"mobile\": \"2391234567\", \"email\": \"not-an-email\", \"address\": \""
                + "路".repeat(201)
                + "\"}");
    assertThat(r).hasStatus(422).bodyJson().extractingPath("$.code").isEqualTo("VALIDATION_FAILED");
    assertThat(r)
        .bodyJson()
        .extractingPath("$.errors[*].field")
        .asArray()
        .containsExactlyInAnyOrder("mobile", "email", "address");
    assertThat(patch(self, no, "{\"email\": \"" + "a".repeat(95) + "@example.com\"}"))
        .hasStatus(422)
        .bodyJson()
        .extractingPath("$.errors[0].field")
        .isEqualTo("email");
    assertThat(patch(self, no, "{\"address\": \"a\\u0000b\"}")).hasStatus(422);
    assertThat(patch(self, no, "{\"address\": \"a\\ud800b\"}")).hasStatus(422);
    assertThat(patch(self, no, "{\"address\": \"第一行\\n第二行\"}")).hasStatus(422);
    assertThat(mobileOf(no)).isEqualTo(before);
    assertThat(ProfileFixtures.historyCount(jdbc, no)).isZero();
  }

  @Test
  void wrongTypesAreMalformedAndOtherBodiesRefused() {
    assertThat(patch(self, no, "{\"mobile\": 13912345678}"))
        .hasStatus(400)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("MALFORMED_REQUEST");
    assertThat(patch(self, no, "[\"mobile\"]")).hasStatus(400);
    assertThat(patch(self, no, "{\"mobile\": ")).hasStatus(400);
    assertThat(
            mvc.patch()
                .uri("/api/v1/members/" + no)
                .header("Authorization", "Bearer " + self)
                .contentType(MediaType.TEXT_PLAIN)
                .content("mobile=13912345678")
                .exchange())
        .hasStatus(415);
    assertThat(
            mvc.patch()
                .uri("/api/v1/members/" + no)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}")
                .exchange())
        .hasStatus(401);
    assertThat(get(self, "/api/v1/members/" + no + "/history?size=101")).hasStatus(400);
    assertThat(get(self, "/api/v1/members/" + no + "/history?page=0")).hasStatus(400);
    assertThat(ProfileFixtures.historyCount(jdbc, no)).isZero();
  }

  @Test
  void aNameThatIsNoFieldIsIgnoredAsEverywhereInTheApi() {
    assertThat(patch(self, no, "{\"mobile\": \"13912345679\", \"nickname\": \"x\"}"))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.mobile")
        .isEqualTo("13912345679");
  }

  @Test
  void onlyTheMemberItselfChangesItOthersGet403Or404() {
    TestFirms.Firm other = ProfileFixtures.firm(firms, jdbc, "SZ");
    String body = "{\"mobile\": \"13912345670\"}";
    for (String token :
        List.of(
            ApiTokens.of(mvc, "FIRM", firm.account(), TestFirms.PASSWORD),
            ApiTokens.demo(mvc, "STAFF", "sz-staff"),
            ApiTokens.demo(mvc, "ADMIN", "admin"))) {
      assertThat(patch(token, no, body))
          .hasStatus(403)
          .bodyJson()
          .extractingPath("$.code")
          .isEqualTo("FORBIDDEN");
    }
    for (String token :
        List.of(
            member(firm.memberNo(2)),
            member(other.memberNo(1)),
            ApiTokens.of(mvc, "FIRM", other.account(), TestFirms.PASSWORD),
            ApiTokens.demo(mvc, "STAFF", "bj-staff"))) {
      assertThat(patch(token, no, body)).hasStatus(404);
      assertThat(patch(token, no, "{\"name\": \"李四\"}")).hasStatus(404);
    }
    assertThat(ProfileFixtures.historyCount(jdbc, no)).isZero();
  }

  @Test
  void aSyncedChangeShowsAtOnceWithItsHistoryNewestFirstIdNumbersMasked() {
    String oldId = ProfileFixtures.idNumberOf(jdbc, no);
    String newId = ProfileFixtures.idNumber();
    patch(self, no, "{\"mobile\": \"13912345671\"}");
    changes.upsert(
        new MemberData(
            no,
            "新名字",
            "M",
            java.time.LocalDate.of(1985, 6, 15),
            newId,
            MemberCategory.PRACTISING_CPA,
            firm.firmNo(),
            null,
            "主任会计师",
            "13912345671",
            firm.cpa(1).email(),
            true,
            true),
        1L,
        ChangedBy.syncEvent("evt-profile-1"));

    String admin = ApiTokens.demo(mvc, "ADMIN", "admin");
    assertThat(get(admin, "/api/v1/members/" + no))
        .bodyJson()
        .extractingPath("$.name")
        .isEqualTo("新名字");
    MvcTestResult h = get(admin, "/api/v1/members/" + no + "/history?size=10");
    String json = body(h);
    assertThat(json).doesNotContain(oldId, newId);
    List<String> fields = JsonPath.read(json, "$.items[*].field");
    assertThat(fields).containsExactlyInAnyOrder("idNumber", "name", "mobile");
    assertThat(fields.get(fields.size() - 1)).isEqualTo("mobile");
    assertThat(JsonPath.<List<String>>read(json, "$.items[?(@.field == 'idNumber')].to"))
        .containsExactly(IdNumber.mask(newId));
    assertThat(JsonPath.<List<String>>read(json, "$.items[?(@.field == 'idNumber')].from"))
        .containsExactly(IdNumber.mask(oldId));
    assertThat(JsonPath.<String>read(json, "$.items[0].by")).isEqualTo("监管平台同步（事件 evt-profile-1）");
    assertThat(get(admin, "/api/v1/members/" + no + "/history?page=2&size=2"))
        .bodyJson()
        .extractingPath("$.items[0].field")
        .isEqualTo("mobile");
  }

  @Test
  void theEndpointsAreInTheOpenApiDocument() {
    MvcTestResult docs = mvc.get().uri("/v3/api-docs").exchange();
    assertThat(docs).hasStatusOk();
    String json = body(docs);
    assertThat(json).contains("/api/v1/members/{memberNo}/history", "MemberLocalFields");
    assertThat(JsonPath.<Map<String, Object>>read(json, "$.paths['/api/v1/members/{memberNo}']"))
        .containsKeys("get", "patch");
    assertThat(JsonPath.<Map<String, Object>>read(json, "$.components.schemas.Member.properties"))
        .containsOnlyKeys(
            "memberNo",
            "name",
            "gender",
            "birthDate",
            "idNumber",
            "category",
            "firmNo",
            "instituteCode",
            "position",
            "partner",
            "active",
            "mobile",
            "email",
            "address");
  }
}
