package org.cmis.membership.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import org.cmis.support.Browser;
import org.cmis.support.BrowserTest;
import org.cmis.support.TestClasses;
import org.cmis.support.TestFirms;
import org.cmis.support.TestFirms.Firm;
import org.cmis.training.Audience;
import org.cmis.training.catalog.ClassService;
import org.cmis.training.catalog.TrainingClass;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A firm adds a 从业人员 on 人员管理 and registers it for a class on the bulk registration page. */
@BrowserTest
class RosterBrowserTest {

  @Autowired TestFirms firms;
  @Autowired ClassService classes;
  @Autowired Clock clock;
  @Autowired JdbcClient jdbc;

  @Test
  void aFirmAddsAPractitionerAndRegistersItForAClass(Browser browser) {
    Firm f = firms.aFirm().withCpas(2).create();
    TrainingClass c =
        classes.create(
            TestClasses.SZ_STAFF,
            TestClasses.aClass(LocalDate.now(clock))
                .audiences(Audience.PRACTISING_CPA, Audience.PRACTITIONER)
                .places(30, 30)
                .build());
    browser.signIn("FIRM", f.account(), TestFirms.PASSWORD);

    browser.open("/");
    browser.submit(By.linkText("人员管理"));
    assertThat(browser.path()).isEqualTo("/firm/people");
    browser.submit(By.cssSelector("[data-test=add-practitioner]"));
    String id = TestIdNumbers.next(false);
    browser.type(By.id("name"), "林晓燕");
    browser.type(By.id("idNumber"), TestIdNumbers.wrongCheck(id));
    browser.type(By.id("mobile"), "13712345678");
    browser.type(By.id("email"), "linxy@example.cn");
    browser.type(By.id("position"), "审计助理");
    browser.submit(By.cssSelector("[data-test=save]"));
    assertThat(browser.text(By.cssSelector("[data-test=error-idNumber]"))).contains("校验位");
    browser.screenshot("roster-add-error");
    browser.assertAccessible();

    browser.type(By.id("idNumber"), id);
    browser.submit(By.cssSelector("[data-test=save]"));
    assertThat(browser.path()).isEqualTo("/firm/people");
    String added = browser.text(By.cssSelector("[data-test=added-no]"));
    String memberNo = added.replaceAll(".*(P[0-9]{8}).*", "$1");
    assertThat(memberNo).matches("P[0-9]{8}");
    assertThat(browser.text(By.cssSelector("[data-test=people]"))).contains("林晓燕", "女", memberNo);
    browser.screenshot("roster-list");
    browser.assertAccessible();

    browser.open("/classes/" + c.id() + "/register?number=" + memberNo);
    WebElement box = browser.visible(By.id("pick-" + memberNo));
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
    browser.await(ExpectedConditions.elementToBeClickable(box)).click();
    browser.await(ExpectedConditions.elementSelectionStateToBe(box, true));
    WebElement register = browser.visible(By.cssSelector("[data-test=register]"));
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", register);
    browser.submit(By.cssSelector("[data-test=register]"));
    assertThat(browser.text(By.cssSelector("[data-test=bulk-summary]"))).contains("已报名 1 人");
    assertThat(
            jdbc.sql(
                    "select count(*) from registration where class_id = :c and member_no = :m"
                        + " and status in ('PENDING', 'CONFIRMED')")
                .param("c", c.id())
                .param("m", memberNo)
                .query(Long.class)
                .single())
        .isOne();
  }
}
