package org.cmis.training.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cmis.training.registration.SelfRegistrationPageTest.body;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestClasses;
import org.cmis.support.WebSession;
import org.cmis.training.catalog.TrainingClass;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The firm's bulk page tells each registered person's own status with the one status tag (已报名·待确认 /
 * 已确认 / 候补), and its table scrolls in its own box (ADR 0038).
 */
@IntegrationTest
class BulkStatusTagPageTest {

  @Autowired MockMvcTester mvc;
  @Autowired TestClasses classes;
  @Autowired RegistrationService service;
  @Autowired JdbcClient jdbc;

  private static String tagOf(String html, String memberNo) {
    Matcher m =
        Pattern.compile(
                "<tr[^>]*data-member=\""
                    + memberNo
                    + "\"[\\s\\S]*?<span class=\"(tag [^\"]*)\"[^>]*registered-tag[^>]*>([^<]*)</span>")
            .matcher(html);
    assertThat(m.find()).as("tag of " + memberNo + " in " + html).isTrue();
    return m.group(1) + "|" + m.group(2);
  }

  @Test
  void eachRegisteredPersonShowsItsOwnStatus() {
    TrainingClass c = classes.open(2, 2, false, true);
    service.registerSelf(TestClasses.member(19, 48), c.id(), null, null, false);
    Registration confirmed =
        service.registerSelf(TestClasses.member(19, 49), c.id(), null, null, false);
    jdbc.sql("update registration set status = 'CONFIRMED' where id = :id")
        .param("id", confirmed.id())
        .update();
    service.registerSelf(TestClasses.member(19, 50), c.id(), null, null, true);

    WebSession web = new WebSession(mvc);
    assertThat(web.signIn("FIRM", "44030019", "Demo@2026")).hasStatus3xxRedirection();
    String html = body(web.get("/classes/" + c.id() + "/register?size=50"));

    assertThat(tagOf(html, "440300190048")).isEqualTo("tag tag-amber|已报名·待确认");
    assertThat(tagOf(html, "440300190049")).isEqualTo("tag tag-green|已确认");
    assertThat(tagOf(html, "440300190050")).isEqualTo("tag tag-blue|候补");
    assertThat(html).contains("<div class=\"bulk-table-wrap\">");
  }
}
