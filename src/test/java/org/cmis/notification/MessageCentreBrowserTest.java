package org.cmis.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.cmis.support.Browser;
import org.cmis.support.BrowserTest;
import org.cmis.support.TestClasses;
import org.cmis.training.catalog.TrainingClass;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A member opens its message centre in Chromium, follows a message to the class it is about and
 * marks another message read; the unread count in the top bar goes down by one (F4.9, ADR 0035).
 */
@BrowserTest
class MessageCentreBrowserTest {

  private static final String MEMBER = "440300130047";

  @Autowired JdbcClient jdbc;
  @Autowired MessageCenter messages;
  @Autowired TestClasses testClasses;

  private long accountId() {
    return jdbc.sql("select id from account where login_type = 'MEMBER' and account = :a")
        .param("a", MEMBER)
        .query(Long.class)
        .single();
  }

  private long messageId(long account, String key) {
    return jdbc.sql("select id from message where account_id = :a and source_key = :k")
        .param("a", account)
        .param("k", key)
        .query(Long.class)
        .single();
  }

  private static int unread(Browser browser) {
    Object n =
        ((JavascriptExecutor) browser.driver())
            .executeScript(
                "var b = document.querySelector('.msg-link .badge');"
                    + " return b ? parseInt(b.textContent, 10) : 0;");
    return ((Number) n).intValue();
  }

  @Test
  void aMemberFollowsAMessageToItsClassAndMarksAnotherRead(Browser browser) {
    TrainingClass c = testClasses.open(10, 20, false, false);
    long account = accountId();
    String stamp = Long.toString(System.nanoTime());
    messages.postOnce(
        account, "t:b:" + stamp + ":1", "培训班已变更：" + c.name(), "培训地点有调整", "/classes/" + c.id());
    messages.postOnce(account, "t:b:" + stamp + ":2", "系统通知 " + stamp, "请留意年度学时");
    long withLink = messageId(account, "t:b:" + stamp + ":1");
    long plain = messageId(account, "t:b:" + stamp + ":2");

    browser.signIn("MEMBER", MEMBER, "Demo@2026");
    browser.submit(By.cssSelector("a.msg-link"));
    assertThat(browser.title()).contains("消息中心");
    int before = unread(browser);
    assertThat(before).isGreaterThanOrEqualTo(2);
    browser.screenshot("messages-1366");

    browser.submit(By.cssSelector("tr[data-message='" + withLink + "'] [data-test=message-link]"));
    assertThat(browser.path()).isEqualTo("/classes/" + c.id());
    assertThat(browser.title()).contains(c.name());

    browser.open("/messages");
    By plainRow = By.cssSelector("tr[data-message='" + plain + "']");
    assertThat(browser.text(plainRow)).contains("未读");
    browser.submit(By.cssSelector("tr[data-message='" + plain + "'] [data-test=mark-read]"));
    assertThat(browser.text(By.cssSelector(".flash"))).contains("已标为已读");
    assertThat(browser.text(plainRow)).contains("已读").doesNotContain("未读");
    assertThat(browser.visible(plainRow).getAttribute("data-read")).isEqualTo("true");
    assertThat(browser.text(By.cssSelector("tr[data-message='" + withLink + "']"))).contains("未读");
    assertThat(unread(browser)).isEqualTo(before - 1);

    browser.driver().manage().window().setSize(new Dimension(768, 1024));
    browser.open("/messages");
    assertThat(
            ((JavascriptExecutor) browser.driver())
                .executeScript(
                    "return document.documentElement.scrollWidth"
                        + " <= document.documentElement.clientWidth;"))
        .isEqualTo(true);
    browser.screenshot("messages-768");
  }
}
