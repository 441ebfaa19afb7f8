package org.cmis.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.cmis.shared.CurrentUser;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestClasses;
import org.cmis.support.TestFirms;
import org.cmis.support.WebSession;
import org.cmis.training.catalog.ClassService;
import org.cmis.training.catalog.TrainingClass;
import org.cmis.training.notice.NoticeInput;
import org.cmis.training.notice.NoticeService;
import org.cmis.training.registration.Registration;
import org.cmis.training.registration.RegistrationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * One vocabulary, one tag per status (issue 15): the same class status and the same registration
 * status read the same words in the same colour on the list, the detail, the registration page, the
 * notice, the confirmation page, the receipt and the cancel page.
 */
@IntegrationTest
class StatusTagsAgreeTest {

  private final MockMvcTester mvc;
  private final ClassService classes;
  private final RegistrationService registrations;
  private final NoticeService notices;
  private final TestFirms firms;
  private final Clock clock;

  @Autowired
  StatusTagsAgreeTest(
      MockMvcTester mvc,
      ClassService classes,
      RegistrationService registrations,
      NoticeService notices,
      TestFirms firms,
      Clock clock) {
    this.mvc = mvc;
    this.classes = classes;
    this.registrations = registrations;
    this.notices = notices;
    this.firms = firms;
    this.clock = clock;
  }

  private WebSession as(String role, String account, String password) {
    WebSession web = new WebSession(mvc);
    assertThat(web.signIn(role, account, password)).hasStatus3xxRedirection();
    return web;
  }

  private static Html.Element only(String html, String test, String page) {
    List<Html.Element> tags = Html.byTest(html, test);
    assertThat(tags).as(test + " on " + page).hasSize(1);
    return tags.get(0);
  }

  @Test
  void anOpenClassAndAPendingRegistrationLookTheSameOnEveryPage() {
    LocalDate today = LocalDate.now(clock);
    String name = "状态一致" + System.nanoTime();
    TrainingClass c =
        classes.create(
            TestClasses.SZ_STAFF,
            TestClasses.aClass(today).name(name).registration(today, today.plusDays(5)).build());
    CurrentUser member = firms.aFirm().withCpas(1).withMemberAccounts().create().member(1);
    Registration r = registrations.registerSelf(member, c.id(), null, null, false);
    long notice =
        notices.create(
            TestClasses.SZ_STAFF,
            new NoticeInput(
                "关于" + name + "的通知", "正文", today.toString(), null, List.of("" + c.id()), List.of()),
            List.of(),
            "127.0.0.1");
    WebSession me = as(member.role().name(), member.account(), TestFirms.PASSWORD);
    WebSession staff = as("STAFF", "sz-staff", "Demo@2026");

    String list = Html.body(me.get("/classes?year=&name=" + name));
    String detail = Html.body(me.get("/classes/" + c.id()));
    String register = Html.body(me.get("/classes/" + c.id() + "/register"));
    String noticePage = Html.body(me.get("/notices/" + notice));
    String confirmation = Html.body(staff.get("/manage/classes/" + c.id() + "/registrations"));
    String receipt = Html.body(me.get("/registrations/" + r.id() + "/receipt"));
    String cancel = Html.body(me.get("/registrations/" + r.id() + "/cancel"));

    for (var page :
        List.of(
            List.of("list", list),
            List.of("detail", detail),
            List.of("register", register),
            List.of("notice", noticePage),
            List.of("confirmation", confirmation))) {
      Html.Element tag = only(page.get(1), "class-status", page.get(0));
      assertThat(tag.text()).as(page.get(0)).isEqualTo("报名中");
      assertThat(tag.cssClass()).as(page.get(0)).isEqualTo("tag tag-green");
    }
    for (var page :
        List.of(
            List.of("detail", detail),
            List.of("confirmation", confirmation),
            List.of("receipt", receipt),
            List.of("cancel", cancel))) {
      Html.Element tag = only(page.get(1), "registration-status", page.get(0));
      assertThat(tag.text()).as(page.get(0)).isEqualTo("待确认");
      assertThat(tag.cssClass()).as(page.get(0)).isEqualTo("tag tag-amber");
    }
    // The notice names the organising institute as the lists do.
    assertThat(noticePage).contains("实施单位").doesNotContain("主办单位", "正在报名", "报名已结束");
  }
}
