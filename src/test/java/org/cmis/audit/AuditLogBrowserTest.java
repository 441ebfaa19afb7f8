package org.cmis.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.cmis.shared.CurrentUser;
import org.cmis.shared.Role;
import org.cmis.support.Browser;
import org.cmis.support.BrowserTest;
import org.cmis.support.TestClasses;
import org.cmis.training.catalog.ClassService;
import org.cmis.training.catalog.TrainingClass;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The administrator reads the audit log in Chromium (F6.2, ADR 0035): finds a class change by its
 * actor and the action's Chinese label, reads only the changed fields, follows the link to the
 * class; at 768 px the page does not scroll sideways.
 */
@BrowserTest
class AuditLogBrowserTest {

  @Autowired ClassService classes;

  @Test
  void theAdministratorFindsAClassChangeAndFollowsItsLink(Browser browser) {
    String actor = "audit-b-" + System.nanoTime() % 1_000_000;
    CurrentUser staff = new CurrentUser(-1, Role.STAFF, actor, actor, "SZ", null, null);
    TrainingClass c = classes.create(staff, TestClasses.aClass().places(30, 40).build());
    classes.update(staff, c.id(), TestClasses.patch().places(45, 55).build());

    browser.signIn("STAFF", "admin", "Demo@2026");
    browser.submit(By.cssSelector("a[href='/admin/audit']"));
    assertThat(browser.title()).contains("审计日志");
    browser.type(By.name("actor"), actor);
    new Select(browser.visible(By.cssSelector("[data-test=action-filter]")))
        .selectByVisibleText("修改培训班");
    browser.submit(By.cssSelector("form.filters button[type=submit]"));

    By row = By.cssSelector("tr[data-test=audit-row][data-action=CLASS_UPDATED]");
    String text = browser.text(row);
    assertThat(text)
        .contains(actor)
        .contains("修改培训班")
        .contains("培训班 " + c.id())
        .contains("培训人数：")
        .contains("30")
        .contains("45")
        .contains("培训班最大报名人数：")
        .doesNotContain("培训地点")
        .doesNotContain("CLASS_UPDATED");
    // The columns keep their words: the address header is one line, not a letter per line.
    Long headerHeight =
        (Long)
            ((JavascriptExecutor) browser.driver())
                .executeScript(
                    "return Math.round(document.querySelector('th.audit-address')"
                        + ".getBoundingClientRect().height);");
    assertThat(headerHeight).isLessThan(60L);
    browser.screenshot("audit-log-1366");
    browser.open("/admin/audit");
    browser.screenshot("audit-log-all-1366");

    browser.driver().manage().window().setSize(new Dimension(768, 1024));
    browser.open("/admin/audit?actor=" + actor);
    assertThat(noSidewaysScroll(browser)).isTrue();
    browser.screenshot("audit-log-768");

    browser.open("/admin/audit");
    assertThat(noSidewaysScroll(browser)).isTrue();
    browser.screenshot("audit-log-all-768");
    browser.open("/admin/audit?actor=" + actor);

    browser.submit(By.cssSelector("tr[data-action=CLASS_UPDATED] [data-test=entity] a"));
    assertThat(browser.path()).isEqualTo("/classes/" + c.id());
    assertThat(browser.title()).contains(c.name());
  }

  static boolean noSidewaysScroll(Browser browser) {
    return Boolean.TRUE.equals(
        ((JavascriptExecutor) browser.driver())
            .executeScript(
                "return document.documentElement.scrollWidth"
                    + " <= document.documentElement.clientWidth;"));
  }
}
