package org.cmis.training.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestClasses;
import org.cmis.support.WebSession;
import org.cmis.training.catalog.TrainingClass;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A registration list counts its rows up to 10,000 (ADR 0042): above, the API answers total 10000
 * with totalCapped, and the page says "共 10000+ 条"; below, the exact count and no cap.
 */
@IntegrationTest
class CappedTotalTest {

  @Autowired MockMvcTester mvc;
  @Autowired TestClasses testClasses;
  @Autowired JdbcClient jdbc;

  /** A class with {@code rows} registrations written by SQL (members that need not exist). */
  private TrainingClass classWith(int rows) {
    TrainingClass c = testClasses.open(10, 20, false, false);
    jdbc.sql(
            """
            insert into registration (class_id, member_no, name, status, channel, mobile, email,
                registered_at, created_by)
            select :id, 'C' || lpad(s::text, 11, '0'), '计数' || s, 'PENDING', 'SELF',
                   '13900000000', 'count@example.com', now() + s * interval '1 second', 'test'
              from generate_series(1, :rows) s
            """)
        .param("id", c.id())
        .param("rows", rows)
        .update();
    return c;
  }

  private void remove(TrainingClass c) {
    jdbc.sql("delete from registration where class_id = :id").param("id", c.id()).update();
  }

  private MvcTestResult api(String token, long classId) {
    return mvc.get()
        .uri("/api/v1/registrations?classId=" + classId)
        .header("Authorization", "Bearer " + token)
        .exchange();
  }

  @Test
  void aListOfMoreThanTenThousandSaysTenThousandPlus() {
    TrainingClass big = classWith(10_001);
    TrainingClass small = classWith(3);
    try {
      String token = ApiTokens.demo(mvc, "STAFF", "sz-staff");
      String bigJson = api(token, big.id()).getResponse().getContentAsString();
      assertThat((Integer) JsonPath.read(bigJson, "$.total")).isEqualTo(10_000);
      assertThat((Boolean) JsonPath.read(bigJson, "$.totalCapped")).isTrue();
      assertThat((Integer) JsonPath.read(bigJson, "$.size")).isEqualTo(20);
      String smallJson = api(token, small.id()).getResponse().getContentAsString();
      assertThat((Integer) JsonPath.read(smallJson, "$.total")).isEqualTo(3);
      assertThat((Boolean) JsonPath.read(smallJson, "$.totalCapped")).isFalse();

      WebSession staff = new WebSession(mvc);
      staff.signIn("STAFF", "sz-staff", "Demo@2026");
      MvcTestResult page = staff.get("/manage/classes/" + big.id() + "/registrations");
      assertThat(page).hasStatusOk();
      assertThat(page).bodyText().contains("共 10000+ 条");
      MvcTestResult exact = staff.get("/manage/classes/" + small.id() + "/registrations");
      assertThat(exact).bodyText().contains("共 3 条").doesNotContain("3+");
    } catch (java.io.UnsupportedEncodingException e) {
      throw new AssertionError(e);
    } finally {
      remove(big);
      remove(small);
    }
  }
}
