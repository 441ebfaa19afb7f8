package org.cmis.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.cmis.support.IntegrationTest;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The public help page leads back: to sign-in for a visitor, to the home page once signed in. */
@IntegrationTest
class HelpPageTest {

  @Autowired MockMvcTester mvc;

  @Test
  void aVisitorGoesBackToSignIn() {
    assertThat(new WebSession(mvc).get("/help"))
        .hasStatusOk()
        .bodyText()
        .contains("返回登录", "href=\"/login\"")
        .doesNotContain("返回首页");
  }

  @Test
  void aSignedInUserGoesBackToTheHomePage() {
    WebSession web = new WebSession(mvc);
    assertThat(web.signIn("STAFF", "admin", "Demo@2026")).hasStatus3xxRedirection();
    assertThat(web.get("/help"))
        .hasStatusOk()
        .bodyText()
        .contains("返回首页", "href=\"/\" data-test=\"help-back\"")
        .doesNotContain("返回登录");
  }
}
