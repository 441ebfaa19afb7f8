package org.cmis.membership.institute;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.cmis.support.ApiTokens;
import org.cmis.support.IntegrationTest;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * 协会管理 (F6.1, F1.6): admin sets an institute's phone, mailbox and department; the sign-in footer,
 * the help page and the password pages show them at once; bad input is a Chinese message or 422
 * with nothing stored; nobody else may read or change them here.
 */
@IntegrationTest
class InstituteContactsTest {

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;

  private String[] before;

  @BeforeEach
  void keep() {
    before =
        jdbc.sql("select phone, email, training_department from institute where code = 'BJ'")
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
            .single();
  }

  @AfterEach
  void restore() {
    jdbc.sql(
            "update institute set phone = :p, email = :e, training_department = :d"
                + " where code = 'BJ'")
        .param("p", before[0])
        .param("e", before[1])
        .param("d", before[2])
        .update();
  }

  private MvcTestResult put(String token, String code, String json) {
    return mvc.put()
        .uri("/api/v1/admin/institutes/" + code + "/contacts")
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .content(json)
        .exchange();
  }

  private static String body(MvcTestResult r) throws Exception {
    return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void adminChangesContactsAndEveryPublicPageShowsThem() throws Exception {
    String admin = ApiTokens.demo(mvc, "ADMIN", "admin");
    assertThat(
            mvc.get()
                .uri("/api/v1/admin/institutes")
                .header("Authorization", "Bearer " + admin)
                .exchange())
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$[*].code")
        .asArray()
        .contains("SZ", "BJ");
    MvcTestResult changed =
        put(
            admin,
            "BJ",
            "{\"phone\": \"010-66660001、010-66660002\", \"email\": \"px@bjicpa.example.cn\","
                + " \"trainingDepartment\": \"考试培训部\"}");
    assertThat(changed)
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.trainingDepartment")
        .isEqualTo("考试培训部");
    for (String page : new String[] {"/login", "/help", "/password/forgot"}) {
      assertThat(body(mvc.get().uri(page).exchange()))
          .as(page)
          .contains("北京注册会计师协会考试培训部：电话 010-66660001、010-66660002，邮箱 px@bjicpa.example.cn");
    }
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'INSTITUTE_CONTACTS_CHANGED'"
                        + " and entity_id = 'BJ' and after_state like '%66660001%'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // without a mailbox the line names the phone alone
    assertThat(put(admin, "BJ", "{\"phone\": \"010-66660003\", \"email\": \"\"}")).hasStatusOk();
    assertThat(body(mvc.get().uri("/login").exchange())).contains("北京注册会计师协会：电话 010-66660003<");
  }

  @Test
  void badContactsAre422OrMarkedAndNothingIsStored() throws Exception {
    String admin = ApiTokens.demo(mvc, "ADMIN", "admin");
    MvcTestResult bad =
        put(
            admin,
            "BJ",
            "{\"phone\": \"call us\", \"email\": \"nobody\", \"trainingDepartment\": \""
                + "部".repeat(101)
                + "\"}");
    assertThat(bad)
        .hasStatus(422)
        .bodyJson()
        .extractingPath("$.code")
        .isEqualTo("VALIDATION_FAILED");
    assertThat(bad)
        .bodyJson()
        .extractingPath("$.errors[*].field")
        .asArray()
        .containsExactlyInAnyOrder("phone", "email", "trainingDepartment");
    assertThat(put(admin, "BJ", "{\"phone\": \"" + "1".repeat(51) + "\"}"))
        .hasStatus(422)
        .bodyJson()
        .extractingPath("$.errors[0].message")
        .isEqualTo("电话至多 50 个字符");
    assertThat(put(admin, "NOPE", "{\"phone\": \"010-12345678\"}")).hasStatus(404);
    assertThat(put(admin, "BJ", "{\"phone\": 12345678}")).hasStatus(400);

    WebSession web = new WebSession(mvc);
    web.signIn("STAFF", "admin", "Demo@2026");
    assertThat(web.get("/admin/institutes")).hasStatusOk();
    MvcTestResult page =
        web.post("/admin/institutes/BJ", "phone", "abc", "email", "x@", "trainingDepartment", "部");
    assertThat(page).hasStatusOk();
    assertThat(body(page)).contains("请输入电话号码，如 0755-83665566").contains("请输入有效的邮箱地址");
    String[] now =
        jdbc.sql("select phone, email, training_department from institute where code = 'BJ'")
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
            .single();
    assertThat(now).containsExactly(before);
    assertThat(
            web.post(
                "/admin/institutes/BJ",
                "phone",
                "010-87654321",
                "email",
                "",
                "trainingDepartment",
                "培训部"))
        .hasStatus3xxRedirection();
    assertThat(
            jdbc.sql("select phone from institute where code = 'BJ'").query(String.class).single())
        .isEqualTo("010-87654321");
  }

  @Test
  void onlyAdminSeesOrChangesInstitutes() {
    for (String[] who :
        new String[][] {{"STAFF", "bj-staff"}, {"FIRM", "11010001"}, {"MEMBER", "440300010001"}}) {
      String token = ApiTokens.demo(mvc, who[0], who[1]);
      assertThat(
              mvc.get()
                  .uri("/api/v1/admin/institutes")
                  .header("Authorization", "Bearer " + token)
                  .exchange())
          .hasStatus(403);
      assertThat(put(token, "BJ", "{\"phone\": \"010-11111111\"}"))
          .hasStatus(403)
          .bodyJson()
          .extractingPath("$.code")
          .isEqualTo("FORBIDDEN");
      WebSession web = new WebSession(mvc);
      web.signIn(who[0], who[1], "Demo@2026");
      assertThat(web.get("/admin/institutes")).hasStatus(403);
      assertThat(web.post("/admin/institutes/BJ", "phone", "010-11111111")).hasStatus(403);
    }
    assertThat(
            jdbc.sql("select count(*) from institute where phone = '010-11111111'")
                .query(Long.class)
                .single())
        .isZero();
  }
}
