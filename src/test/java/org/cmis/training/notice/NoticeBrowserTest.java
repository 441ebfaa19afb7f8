package org.cmis.training.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cmis.shared.upload.FileTypeTest;
import org.cmis.support.Browser;
import org.cmis.support.BrowserTest;
import org.cmis.support.TestClasses;
import org.cmis.training.catalog.TrainingClass;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** Staff publish a notice through the real form in Chromium; it shows on the list and home. */
@BrowserTest
class NoticeBrowserTest {

  private final TestClasses testClasses;

  @Autowired
  NoticeBrowserTest(TestClasses testClasses) {
    this.testClasses = testClasses;
  }

  @Test
  void staffPublishANoticeThroughTheForm(Browser browser) throws IOException {
    TrainingClass c = testClasses.openedToday(10, 10);
    Path pdf = Files.createTempFile("notice-", ".pdf");
    Files.write(pdf, FileTypeTest.PDF);
    String title = "关于举办2026年度注册会计师继续教育培训班的通知 " + System.nanoTime();

    browser.signIn("STAFF", "sz-staff", "Demo@2026").open("/manage/notices/new");
    assertThat(browser.text(By.cssSelector("label[for=title]"))).isEqualTo("标题");
    browser.type(By.id("title"), title);
    browser.type(By.id("body"), "## 培训安排\n\n- 时间：上午九点\n- 地点：深圳市注册会计师协会\n\n请点击下方**报名**链接。");
    browser.driver().findElement(By.id("attachments")).sendKeys(pdf.toString());
    WebElement box =
        browser.visible(By.cssSelector("input[name=classIds][value='" + c.id() + "']"));
    box.click();
    browser.screenshot("notice-form");
    browser.assertAccessible();
    browser.submit(By.cssSelector("[data-test=notice-save]"));

    assertThat(browser.path()).matches("/notices/\\d+");
    assertThat(browser.text(By.cssSelector(".flash"))).isEqualTo("培训通知已保存");
    assertThat(browser.text(By.cssSelector("[data-test=notice-body] h2"))).isEqualTo("培训安排");
    assertThat(browser.text(By.cssSelector("[data-test=notice-attachments]")))
        .contains(pdf.getFileName().toString());
    assertThat(browser.text(By.cssSelector("[data-test=notice-classes]"))).contains(c.name());
    browser.screenshot("notice-detail");
    browser.assertAccessible();

    browser.open("/notices");
    assertThat(browser.text(By.cssSelector("[data-test=notice-table]"))).contains(title);
    browser.screenshot("notice-list");
    browser.assertAccessible();
    browser.open("/");
    assertThat(browser.text(By.cssSelector("[data-test=home-notices]"))).contains(title);
    browser.screenshot("home-notices");
    browser.assertAccessible();
    Files.deleteIfExists(pdf);
  }
}
