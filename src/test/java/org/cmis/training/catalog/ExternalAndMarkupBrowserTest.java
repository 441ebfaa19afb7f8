package org.cmis.training.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.cmis.support.Browser;
import org.cmis.support.BrowserTest;
import org.cmis.support.TestClasses;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** In Chromium: a 三院 class shows only its link; a name with markup is shown as text. */
@BrowserTest
class ExternalAndMarkupBrowserTest {

  private final ClassService classes;

  @Autowired
  ExternalAndMarkupBrowserTest(ClassService classes) {
    this.classes = classes;
  }

  private void create(String name, boolean external) {
    LocalDate d = classes.today();
    ClassInput base =
        TestClasses.input(
            name,
            d.minusDays(1),
            d.plusDays(5),
            d.plusDays(9),
            d.plusDays(10),
            50,
            50,
            false,
            false,
            true);
    ClassInput patch =
        TestClasses.patch()
            .external(external)
            .externalUrl(external ? "https://www.snai.edu/" : null)
            .build();
    classes.create(TestClasses.SZ_STAFF, patch.over(base));
  }

  @Test
  void anExternalClassShowsItsLinkAndAMarkupNameStaysText(Browser browser) {
    String tag = "B" + System.nanoTime();
    String markup = "<b>粗体</b><img src=x onerror=alert(1)>" + tag;
    create("三院培训班" + tag, true);
    create(markup, false);
    browser.signIn("MEMBER", "440300180001", "Demo@2026");

    browser.open("/classes?name=" + "三院培训班" + tag);
    WebElement row = browser.visible(By.cssSelector("[data-test=class-table] tbody tr"));
    WebElement link = row.findElement(By.cssSelector("[data-test=external-link]"));
    assertThat(link.getAttribute("href")).isEqualTo("https://www.snai.edu/");
    assertThat(link.getAttribute("rel")).contains("noopener");
    assertThat(row.findElements(By.cssSelector("[data-test=register-link]"))).isEmpty();
    assertThat(browser.text(By.cssSelector("[data-test=external-note]")))
        .contains("请按照有关通知中的报名链接到相关会院网站报名");
    browser.screenshot("class-list-external");

    browser.open("/classes?name=" + tag);
    List<WebElement> names =
        browser.driver().findElements(By.cssSelector("[data-test=class-name]"));
    assertThat(names).extracting(WebElement::getText).contains(markup);
    assertThat(browser.driver().findElements(By.cssSelector("[data-test=class-table] b")))
        .isEmpty();
    assertThat(browser.driver().findElements(By.cssSelector("[data-test=class-table] img")))
        .isEmpty();
  }
}
