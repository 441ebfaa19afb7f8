package org.cmis.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.cmis.identity.account.Account;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The message centre (F4.9, ADR 0035): each message links to the page it is about, and is marked
 * read one by one, by its recipient only; the unread count in the top bar follows.
 */
@IntegrationTest
class MessageCentrePageTest {

  @Autowired MockMvcTester mvc;
  @Autowired TestAccounts accounts;
  @Autowired MessageCenter messages;
  @Autowired JdbcClient jdbc;

  private long idOf(long account, String key) {
    return jdbc.sql("select id from message where account_id = :a and source_key = :k")
        .param("a", account)
        .param("k", key)
        .query(Long.class)
        .single();
  }

  private boolean read(long id) {
    return jdbc.sql("select read_at is not null from message where id = :id")
        .param("id", id)
        .query(Boolean.class)
        .single();
  }

  private static String html(MvcTestResult result) throws Exception {
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private WebSession signedIn(Account account) {
    WebSession web = new WebSession(mvc);
    web.signIn("STAFF", account.account(), TestAccounts.PASSWORD);
    return web;
  }

  @Test
  void eachMessageLinksToWhatItIsAboutAndIsMarkedReadOneByOne() throws Exception {
    Account a = accounts.staff(false);
    messages.postOnce(a.id(), "t:class", "培训班已变更", "培训地点改为 A 座", "/classes/42");
    messages.postOnce(a.id(), "t:none", "系统通知", "没有可打开的页面");
    messages.postOnce(a.id(), "t:evil", "外部链接", "不保存", "https://evil.example/x");
    messages.postOnce(a.id(), "t:evil2", "外部链接", "不保存", "//evil.example/x");
    long aboutClass = idOf(a.id(), "t:class");
    long aboutNothing = idOf(a.id(), "t:none");

    WebSession web = signedIn(a);
    String page = html(web.get("/messages"));
    assertThat(page)
        .contains("href=\"/classes/42\"")
        .doesNotContain("evil.example")
        .contains("<span class=\"badge\">4</span>");
    assertThat(page.split("data-test=\"message-link\"", -1)).hasSize(2);
    assertThat(page.split("data-test=\"mark-read\"", -1)).hasSize(5);

    assertThat(web.post("/messages/" + aboutClass + "/read"))
        .hasStatus3xxRedirection()
        .hasRedirectedUrl("/messages");
    assertThat(read(aboutClass)).isTrue();
    assertThat(read(aboutNothing)).isFalse();
    String after = html(web.get("/messages"));
    assertThat(after).contains("已标为已读").contains("<span class=\"badge\">3</span>");
    assertThat(after.split("data-test=\"mark-read\"", -1)).hasSize(4);

    // Twice is harmless; the whole lot still works.
    assertThat(web.post("/messages/" + aboutClass + "/read")).hasStatus3xxRedirection();
    assertThat(read(aboutClass)).isTrue();
    web.get("/messages");
    assertThat(web.post("/messages/read")).hasStatus3xxRedirection();
    assertThat(read(aboutNothing)).isTrue();
    assertThat(html(web.get("/messages"))).contains("全部消息已标为已读").doesNotContain("class=\"badge\"");
  }

  @Test
  void nobodyMarksAnotherAccountsMessage() throws Exception {
    Account owner = accounts.staff(false);
    Account other = accounts.staff(false);
    messages.postOnce(owner.id(), "t:own", "报名已确认", "内容", "/classes/1");
    long id = idOf(owner.id(), "t:own");

    WebSession intruder = signedIn(other);
    assertThat(intruder.post("/messages/" + id + "/read")).hasStatus(404);
    assertThat(intruder.post("/messages/999999999/read")).hasStatus(404);
    assertThat(intruder.post("/messages/abc/read")).hasStatus4xxClientError();
    assertThat(read(id)).isFalse();
    assertThat(html(intruder.get("/messages"))).doesNotContain("报名已确认");

    WebSession ownerWeb = signedIn(owner);
    assertThat(ownerWeb.send(mvc.post().uri("/messages/" + id + "/read"))).hasStatus(403);
    assertThat(read(id)).isFalse();
    assertThat(new WebSession(mvc).post("/messages/" + id + "/read"))
        .hasStatus3xxRedirection()
        .redirectedUrl()
        .contains("/login");
    assertThat(read(id)).isFalse();
  }

  @Test
  void onlyPathsOfThisSiteAreKeptAsLinks() {
    assertThat(MessageCenter.sitePath("/claims/7")).isEqualTo("/claims/7");
    assertThat(MessageCenter.sitePath("/hours/people?short=true"))
        .isEqualTo("/hours/people?short=true");
    assertThat(MessageCenter.sitePath("https://x.example")).isNull();
    assertThat(MessageCenter.sitePath("//x.example")).isNull();
    assertThat(MessageCenter.sitePath("/\\x.example")).isNull();
    assertThat(MessageCenter.sitePath("javascript:alert(1)")).isNull();
    assertThat(MessageCenter.sitePath("/a b")).isNull();
    assertThat(MessageCenter.sitePath(null)).isNull();
  }
}
