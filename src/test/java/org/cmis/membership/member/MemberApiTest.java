package org.cmis.membership.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestFirms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** GET /api/v1/members, scoped to the caller, on the demo data set (API.md, Members). */
@IntegrationTest
class MemberApiTest {

  @Autowired MockMvcTester mvc;

  /** Other tests' firms of their own ({@link TestFirms}) are counted beside the demo set. */
  @Autowired TestFirms firms;

  private String szStaff;
  private String bjStaff;
  private String admin;
  private String firm;
  private String member;

  @BeforeEach
  void tokens() {
    szStaff = ApiTokens.demo(mvc, "STAFF", "sz-staff");
    bjStaff = ApiTokens.demo(mvc, "STAFF", "bj-staff");
    admin = ApiTokens.demo(mvc, "ADMIN", "admin");
    firm = ApiTokens.demo(mvc, "FIRM", "44030001");
    member = ApiTokens.demo(mvc, "MEMBER", "440300010001");
  }

  private MvcTestResult list(String token, String query) {
    return mvc.get()
        .uri("/api/v1/members" + query)
        .header("Authorization", "Bearer " + token)
        .exchange();
  }

  @Test
  void staffSeeTheirInstituteOnly() {
    assertThat(list(szStaff, "?size=100"))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(20 * 55 + 50 + firms.peopleCreated("SZ"));
    assertThat(list(szStaff, "?size=100"))
        .bodyJson()
        .extractingPath("$.items[*].firmNo")
        .asArray()
        .allSatisfy(f -> assertThat(f == null || f.toString().startsWith("4403")).isTrue());
    assertThat(list(bjStaff, ""))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(5 * 55 + 50 + firms.peopleCreated("BJ"));
  }

  @Test
  void aFirmSeesItsOwnPeopleOnlyAndAdminSeesAll() {
    assertThat(list(firm, "?size=100"))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(55);
    assertThat(list(firm, "?size=100"))
        .bodyJson()
        .extractingPath("$.items[*].firmNo")
        .asArray()
        .containsOnly("44030001");
    assertThat(list(admin, ""))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(25 * 55 + 100 + firms.peopleCreated(null));
  }

  @Test
  void membersMayNotListMembers() {
    assertThat(list(member, ""))
        .hasStatus(403)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("FORBIDDEN");
  }

  @Test
  void aFilterOutsideTheScopeIsForbiddenAndAnUnknownFirmGivesAnEmptyPage() {
    assertThat(list(firm, "?firmNo=44030002")).hasStatus(403);
    assertThat(list(szStaff, "?firmNo=11010001")).hasStatus(403);
    assertThat(list(szStaff, "?firmNo=99999999"))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(0);
    assertThat(list(admin, "?firmNo=11010001")).bodyJson().extractingPath("$.total").isEqualTo(55);
  }

  @Test
  void filtersByCategoryAndNameOrNumberInMemberNumberOrder() {
    assertThat(list(firm, "?category=PRACTITIONER"))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(5);
    assertThat(list(szStaff, "?category=NON_PRACTISING"))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(50);
    assertThat(list(firm, "?q=4403000100"))
        .bodyJson()
        .extractingPath("$.items[0].memberNo")
        .isEqualTo("440300010001");
    assertThat(list(firm, "?q=%25")).bodyJson().extractingPath("$.total").isEqualTo(0);
    MvcTestResult page = list(firm, "?page=2&size=10");
    assertThat(page).bodyJson().extractingPath("$.page").isEqualTo(2);
    assertThat(page).bodyJson().extractingPath("$.size").isEqualTo(10);
    assertThat(page).bodyJson().extractingPath("$.items[0].memberNo").isEqualTo("440300010011");
    assertThat(page)
        .bodyJson()
        .extractingPath("$.items[0]")
        .asMap()
        .containsOnlyKeys("memberNo", "name", "category", "firmNo", "position", "mobile", "email");
  }

  @Test
  void oddParametersAreRefusedAsMalformed() {
    for (String query :
        new String[] {
          "?page=0", "?size=0", "?size=101", "?page=abc", "?category=FOO", "?q=" + "x".repeat(51)
        }) {
      assertThat(list(szStaff, query))
          .as(query)
          .hasStatus(400)
          .bodyJson()
          .extractingPath("$.code")
          .isEqualTo("MALFORMED_REQUEST");
    }
    assertThat(list(szStaff, "?page=999"))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.items")
        .asArray()
        .isEmpty();
  }
}
