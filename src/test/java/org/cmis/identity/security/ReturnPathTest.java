package org.cmis.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Only a path of this site is a page to come back to after signing in. */
class ReturnPathTest {

  @Test
  void pathsOfThisSiteAreKept() {
    assertThat(ReturnPath.of("/classes")).isEqualTo("/classes");
    assertThat(ReturnPath.of("/classes?page=2&name=%E5%AE%A1"))
        .isEqualTo("/classes?page=2&name=%E5%AE%A1");
    assertThat(ReturnPath.of("/manage/classes/7/registrations")).isNotNull();
  }

  @Test
  void anythingABrowserCouldTakeElsewhereIsRefused() {
    for (String foreign :
        new String[] {
          "https://evil.example/",
          "//evil.example",
          "/\\evil.example",
          "\\\\evil.example",
          "evil.example",
          "javascript:alert(1)",
          "/%0d%0aSet-Cookie:x",
          "/a\r\nLocation: https://evil.example",
          "/ space",
          "/\u00e9",
          "/login",
          "/login?continue=/x",
          "/logout",
          "",
          "/" + "a".repeat(3000)
        }) {
      if (foreign.equals("/%0d%0aSet-Cookie:x")) {
        // percent-encoded stays encoded in a Location header: harmless, kept
        assertThat(ReturnPath.of(foreign)).isEqualTo(foreign);
        continue;
      }
      assertThat(ReturnPath.of(foreign)).as(foreign).isNull();
    }
    assertThat(ReturnPath.of(null)).isNull();
  }

  @Test
  void theSignInUrlCarriesTheGetRequestsPathAndQuery() {
    MockHttpServletRequest get = new MockHttpServletRequest("GET", "/classes");
    get.setQueryString("page=2");
    assertThat(ReturnPath.signInUrlFor(get)).isEqualTo("/login?continue=%2Fclasses%3Fpage%3D2");
    assertThat(ReturnPath.signInUrlFor(new MockHttpServletRequest("GET", "/"))).isEqualTo("/login");
    assertThat(ReturnPath.signInUrlFor(new MockHttpServletRequest("POST", "/classes/1/register")))
        .isEqualTo("/login");
    assertThat(ReturnPath.signInUrlFor(new MockHttpServletRequest("GET", "//evil.example/x")))
        .isEqualTo("/login");
  }
}
