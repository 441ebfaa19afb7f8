package org.cmis.identity.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.cmis.identity.account.Account;
import org.cmis.identity.account.AccountRepository;
import org.cmis.shared.upload.FileTypeTest;
import org.cmis.support.Browser;
import org.cmis.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Seed section 四 in Chromium, from the sign-in page to the forced change: an applicant prints the
 * blank form, submits the application with its three scans and reads its status; staff of the
 * institute open it from their home page and approve it; the member signs in with the temporary
 * password from its message centre (no mail server) and must change it.
 */
@BrowserTest
class ResetBrowserTest {

  private static final Pattern TEMPORARY = Pattern.compile("临时密码为：\\s*(\\S{12})");

  @Autowired AccountRepository accounts;
  @Autowired PasswordEncoder encoder;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Test
  void fromTheBlankFormToTheForcedChange(Browser browser) throws IOException {
    Account member = ResetFixtures.member(accounts, encoder, "SZ", true);
    Path form = Files.createTempFile("signed-form-", ".pdf");
    Files.write(form, FileTypeTest.PDF);
    Path certificate = image("certificate-", "jpg", new Color(0xE8, 0xF0, 0xFE));
    Path idCard = image("id-card-", "png", new Color(0xFF, 0xF3, 0xE0));

    // The applicant: from the sign-in page to the blank form and the application.
    browser.open("/login");
    assertThat(browser.text(By.cssSelector("[data-test=manual-reset-link]")))
        .isEqualTo("无法自助找回？提交人工重置申请");
    browser.open("/password/manual/form");
    assertThat(browser.text(By.cssSelector("[data-test=blank-title]")))
        .isEqualTo("注册会计师行业统一监管平台密码重置申请表");
    assertThat(browser.text(By.cssSelector("[data-test=blank-table]")))
        .contains("申请人", "登录帐号（证书编号）", "手机号码", "申请日期", "密码重置原因", "申请人签名（手写）", "备注");
    assertThat(browser.text(By.cssSelector("[data-test=blank-note]")))
        .contains("所有项目为必填项", "本人手写签名");
    browser.screenshot("reset-blank-form");
    browser.assertAccessible();

    browser.open("/login");
    browser.submit(By.cssSelector("[data-test=manual-reset-link]"));
    assertThat(browser.path()).isEqualTo("/password/manual");
    browser.type(By.id("applicant"), member.displayName());
    browser.type(By.id("account"), member.account());
    browser.type(By.id("mobile"), ResetFixtures.TYPED_MOBILE);
    WebElement date = browser.visible(By.id("applicationDate"));
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].value = arguments[1]", date, LocalDate.now(clock).toString());
    browser.type(By.id("reason"), "手机号码已更换，登记邮箱无法登录，无法自助找回密码");
    browser.type(By.id("remark"), "无");
    browser.driver().findElement(By.id("signedForm")).sendKeys(form.toString());
    browser.driver().findElement(By.id("certificate")).sendKeys(certificate.toString());
    browser.driver().findElement(By.id("idCard")).sendKeys(idCard.toString());
    browser.screenshot("reset-apply");
    browser.assertAccessible();
    browser.submit(By.cssSelector("[data-test=reset-submit]"));

    String number = browser.text(By.cssSelector("[data-test=tracking-number]"));
    assertThat(number).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){4}");
    browser.screenshot("reset-submitted");
    browser.assertAccessible();
    browser.submit(By.cssSelector("[data-test=status-link]"));
    assertThat(browser.text(By.cssSelector("[data-test=status-value]"))).isEqualTo("已提交");
    browser.screenshot("reset-status-submitted");
    browser.assertAccessible();
    // The applicant's pages made no session (ADR 0012): only the sign-in does.
    assertThat(browser.driver().manage().getCookieNamed("CMIS_SESSION")).isNull();

    // Staff of the institute: from the home card to the queue, the application and approval.
    browser.signIn("STAFF", "sz-staff", "Demo@2026");
    assertThat(browser.text(By.cssSelector("[data-test=card-password-reset-applications]")))
        .contains("待处理的密码重置申请");
    browser.submit(By.cssSelector("a[data-test=card-password-reset-applications]"));
    assertThat(browser.path()).isEqualTo("/manage/password-resets");
    browser.submit(By.cssSelector("tr[data-number='" + number + "'] [data-test=open]"));
    assertThat(browser.text(By.cssSelector("[data-test=status]"))).isEqualTo("审核中");
    assertThat(browser.text(By.cssSelector("[data-test=on-record]"))).contains(member.email());
    browser.await(
        d ->
            (Boolean)
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return Array.from(document.querySelectorAll('.review-file img'))"
                            + ".every(i => i.complete && i.naturalWidth > 0)"));
    browser.screenshot("reset-review");
    browser.assertAccessible();
    assertThat(browser.ask(By.cssSelector("[data-test=approve]"))).contains("临时密码将发送到");
    browser.answerYes();
    assertThat(browser.text(By.cssSelector(".flash"))).contains("已通过");
    assertThat(browser.text(By.cssSelector("[data-test=status]"))).isEqualTo("已通过");
    browser.screenshot("reset-approved");
    browser.assertAccessible();
    browser.submit(By.cssSelector("form[action$='/logout'] button"));

    // The member: the temporary password from its message centre, then the forced change.
    String temporary = temporaryPassword(member.id());
    browser.signIn("MEMBER", member.account(), temporary);
    assertThat(browser.path()).isEqualTo("/password/change");
    browser.type(By.id("currentPassword"), temporary);
    browser.type(By.id("newPassword"), "Renewed#2026pw");
    browser.type(By.id("confirmPassword"), "Renewed#2026pw");
    browser.screenshot("reset-forced-change");
    browser.assertAccessible();
    browser.submit(By.cssSelector("form[action$='/password/change'] button[type=submit]"));
    assertThat(browser.path()).isEqualTo("/");
    assertThat(browser.text(By.cssSelector(".flash"))).isNotBlank();
    browser.submit(By.cssSelector("form[action$='/logout'] button"));

    browser.open("/password/manual/status?number=" + number + "&account=" + member.account());
    assertThat(browser.text(By.cssSelector("[data-test=status-value]"))).isEqualTo("已通过");
    assertThat(browser.driver().getPageSource()).doesNotContain(temporary);
    browser.screenshot("reset-status-approved");
    browser.assertAccessible();
    Files.deleteIfExists(form);
    Files.deleteIfExists(certificate);
    Files.deleteIfExists(idCard);
  }

  /** The temporary password mailed after commit: waits until the message centre holds it. */
  private String temporaryPassword(long accountId) {
    return Awaitility.await("the temporary password in the message centre")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                jdbc
                    .sql("select body from message where account_id = :id")
                    .param("id", accountId)
                    .query(String.class)
                    .list()
                    .stream()
                    .map(TEMPORARY::matcher)
                    .filter(Matcher::find)
                    .map(m -> m.group(1))
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  private static Path image(String prefix, String format, Color background) throws IOException {
    BufferedImage image = new BufferedImage(480, 300, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(background);
    g.fillRect(0, 0, 480, 300);
    g.setColor(Color.DARK_GRAY);
    g.drawRect(10, 10, 459, 279);
    g.drawString(prefix + " scan", 40, 60);
    g.dispose();
    Path file = Files.createTempFile(prefix, "." + format);
    ImageIO.write(image, format, file.toFile());
    return file;
  }
}
