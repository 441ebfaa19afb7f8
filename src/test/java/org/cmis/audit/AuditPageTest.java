package org.cmis.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmis.settings.Settings;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.Role;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.cmis.support.TestClasses;
import org.cmis.support.WebSession;
import org.cmis.training.catalog.ClassService;
import org.cmis.training.catalog.TrainingClass;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * The administrator reads the audit log (F6.2, ADR 0035): who, when, the action in Chinese, the
 * entity with a link to its page, and only the fields that changed; a real change is stored as JSON
 * and older plain-text entries are shown as they are.
 */
@IntegrationTest
class AuditPageTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ClassService classes;
  @Autowired Settings settings;
  @Autowired TestAccounts accounts;
  @Autowired AuditLog log;
  @Autowired AuditView view;

  private static String uniqueActor() {
    return "audit-t-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
  }

  private WebSession admin() {
    WebSession admin = new WebSession(mvc);
    admin.signIn("STAFF", "admin", "Demo@2026");
    return admin;
  }

  private String page(String query) throws Exception {
    var result = admin().get("/admin/audit?" + query);
    assertThat(result).hasStatusOk();
    return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static int count(String html, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(html);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void aClassChangeIsStoredAsJsonAndShownAsItsChangedFieldsOnly() throws Exception {
    String actor = uniqueActor();
    CurrentUser staff = new CurrentUser(-1, Role.STAFF, actor, actor, "SZ", null, null);
    TrainingClass c = classes.create(staff, TestClasses.aClass().places(30, 40).build());
    classes.update(staff, c.id(), TestClasses.patch().places(45, 55).build());

    Map<String, String> row =
        jdbc.sql(
                "select before_state, after_state from audit_entry"
                    + " where actor = :actor and action = 'CLASS_UPDATED'")
            .param("actor", actor)
            .query((rs, n) -> Map.of("before", rs.getString(1), "after", rs.getString(2)))
            .single();
    JsonMapper json = JsonMapper.builder().build();
    var before = json.readTree(row.get("before"));
    var after = json.readTree(row.get("after"));
    assertThat(before.get("capacity").asInt()).isEqualTo(30);
    assertThat(after.get("capacity").asInt()).isEqualTo(45);
    assertThat(after.get("maxRegistrations").asInt()).isEqualTo(55);
    assertThat(before.get("name")).isEqualTo(after.get("name"));
    assertThat(row.get("after")).doesNotContain("ClassData[");

    String html = page("actor=" + actor + "&action=CLASS_UPDATED");
    assertThat(count(html, "data-test=\"audit-row\"")).isEqualTo(1);
    assertThat(html)
        .contains(">修改培训班<")
        .contains("href=\"/classes/" + c.id() + "\"")
        .contains("培训班 " + c.id())
        .contains("data-field=\"capacity\"")
        .contains("data-field=\"maxRegistrations\"")
        .contains("培训人数：")
        .contains("培训班最大报名人数：")
        .contains(">30<")
        .contains(">45<")
        .doesNotContain("data-field=\"name\"")
        .doesNotContain("data-field=\"location\"")
        .doesNotContain("ClassData[");
    assertThat(count(html, "data-test=\"field\"")).isEqualTo(2);

    String created = page("actor=" + actor + "&action=CLASS_CREATED");
    assertThat(created).contains(">新建培训班<").contains("培训班名称：").contains(c.name());
  }

  @Test
  void olderPlainTextEntriesAreShownAsTheyAreWithTheActionInChinese() throws Exception {
    String actor = uniqueActor();
    jdbc.sql(
            "insert into audit_entry (actor, action, entity_type, entity_id, before_state,"
                + " after_state) values (:actor, 'REGISTRATION_CONFIRMED', 'Registration', '99',"
                + " 'PENDING', 'CONFIRMED: 资料齐全')")
        .param("actor", actor)
        .update();
    String html = page("actor=" + actor);
    assertThat(html)
        .contains(">确认报名<")
        .contains("href=\"/registrations/99/receipt\"")
        .contains("data-test=\"old-text\"")
        .contains("PENDING")
        .contains("CONFIRMED: 资料齐全")
        .doesNotContain(">REGISTRATION_CONFIRMED<");
  }

  @Test
  void aSignInShowsTheAccountAndTheActionFilterIsASelectOfLabels() throws Exception {
    var account = accounts.staff(false);
    new WebSession(mvc).signIn("STAFF", account.account(), TestAccounts.PASSWORD);
    String html = page("actor=" + account.account() + "&action=SIGN_IN");
    assertThat(html)
        .contains(">登录<")
        .contains("账号 " + account.account() + "（协会工作人员）")
        .contains("<select name=\"action\"")
        .contains("<option value=\"CLASS_UPDATED\">修改培训班</option>")
        .contains("<option value=\"SIGN_IN\" selected=\"selected\">登录</option>")
        .contains("<option value=\"\">全部操作</option>");
    String en =
        admin()
            .get("/admin/audit?lang=en&actor=" + account.account())
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(en).contains(">Sign-in<");
  }

  @Test
  void recordsOfOtherModulesAreStoredAsFieldMapsThroughTheApplicationsJackson() {
    var before =
        org.cmis.credits.ComplianceRule.defaults(
            2026, org.cmis.membership.MemberCategory.NON_PRACTISING);
    var after =
        new org.cmis.credits.ComplianceRule(
            2026,
            before.category(),
            before.requiredHours(),
            before.requiredEthicsHours(),
            new java.math.BigDecimal("20"),
            before.inputMinimum(),
            before.carryOverCap(),
            null,
            null);
    String stored = log.state(before);
    assertThat(stored).startsWith("{").contains("\"category\":\"NON_PRACTISING\"");
    AuditEntry entry =
        new AuditEntry(
            1,
            java.time.OffsetDateTime.now(),
            "admin",
            "COMPLIANCE_RULE_SET",
            "ComplianceRule",
            "2026:NON_PRACTISING",
            "",
            stored,
            log.state(after));
    assertThat(view.row(entry, java.util.Locale.SIMPLIFIED_CHINESE).changes())
        .extracting(c -> c.label() + "：" + c.before() + " → " + c.after())
        .containsExactly("产出法学时上限：16 → 20");
    assertThat(log.state(new org.cmis.membership.Institute("SZ", "深圳", "0755-1", "a@b.cn")))
        .contains("\"phone\":\"0755-1\"");
    assertThat(log.state("{\"kept\":1}")).isEqualTo("{\"kept\":1}");
    assertThat(log.state(null)).isNull();
  }

  @Test
  void secretsAreNeverInTheLogInClear() throws Exception {
    String actor = uniqueActor();
    String key = "test.audit-secret." + actor;
    settings.store(key, "s3cret-Value-42", true, actor, "127.0.0.1");
    String stored =
        jdbc.sql("select after_state from audit_entry where actor = :actor")
            .param("actor", actor)
            .query(String.class)
            .single();
    jdbc.sql("delete from setting where key = :key").param("key", key).update();
    assertThat(stored).isEqualTo("{\"value\":\"******\"}");
    assertThat(page("actor=" + actor)).contains("设置值：").contains("******").doesNotContain("s3cret");
    long clear =
        jdbc.sql(
                "select count(*) from audit_entry where concat(before_state, after_state)"
                    + " similar to :p")
            .param("p", "%(Demo@2026|" + TestAccounts.PASSWORD + "|s3cret-Value-42)%")
            .query(Long.class)
            .single();
    assertThat(clear).isZero();
  }
}
