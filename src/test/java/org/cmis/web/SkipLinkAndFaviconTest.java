package org.cmis.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.cmis.support.IntegrationTest;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The skip link names where it jumps to; every page has an icon and /favicon.ico is no error. */
@IntegrationTest
class SkipLinkAndFaviconTest {

  @Autowired MockMvcTester mvc;

  @Test
  void theSkipLinkSaysItJumpsToTheMainContent() {
    WebSession staff = new WebSession(mvc);
    staff.signIn("STAFF", "sz-staff", "Demo@2026");
    assertThat(staff.get("/"))
        .hasStatusOk()
        .bodyText()
        .contains("<a class=\"skip-link\" href=\"#main\">跳到主要内容</a>", "<main id=\"main\"")
        .contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\">");
    assertThat(staff.get("/?lang=en")).bodyText().contains(">Skip to main content</a>");
  }

  @Test
  void theFaviconIsServedWithoutSigningIn() {
    assertThat(mvc.get().uri("/favicon.svg")).hasStatusOk().bodyText().contains("<svg");
    assertThat(mvc.get().uri("/favicon.ico"))
        .hasStatus3xxRedirection()
        .hasRedirectedUrl("/favicon.svg");
    assertThat(mvc.get().uri("/login"))
        .bodyText()
        .contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\">");
  }
}
