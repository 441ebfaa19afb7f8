package org.cmis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmis.support.IntegrationTest;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Pages that agree with each other (issue 15, ADR 0036): every page of every role's menu and every
 * page before sign-in has exactly one breadcrumb, its last crumb is the page's h1, and its title is
 * "h1 - 继续教育"; a menu page marks its own menu item; each home page names only what its role's menu
 * offers, and the staff home shows the work waiting.
 */
@IntegrationTest
class PagesAgreeTest {

  private static final String SHORT = " - 继续教育";
  private static final Pattern SIDEBAR =
      Pattern.compile("<nav class=\"sidebar\"[^>]*>(.*?)</nav>", Pattern.DOTALL);
  private static final Pattern LINK =
      Pattern.compile("<a href=\"([^\"]+)\"( class=\"([^\"]*)\")?[^>]*>([^<]*)</a>");
  private static final Pattern CRUMB =
      Pattern.compile("<(?:a|span)\\b[^>]*data-test=\"crumb\"[^>]*>([^<]*)</(?:a|span)>");
  private static final Pattern H1 = Pattern.compile("<h1\\b[^>]*>(.*?)</h1>", Pattern.DOTALL);
  private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);

  private final MockMvcTester mvc;

  @Autowired
  PagesAgreeTest(MockMvcTester mvc) {
    this.mvc = mvc;
  }

  private WebSession as(String userType, String account) {
    WebSession web = new WebSession(mvc);
    assertThat(web.signIn(userType, account, "Demo@2026")).hasStatus3xxRedirection();
    return web;
  }

  private static String body(MvcTestResult result) {
    try {
      return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(String html) {
    return html.replaceAll("<[^>]+>", "")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replaceAll("\\s+", " ")
        .trim();
  }

  /** The left menu of a page: label → path, and the label of the active item. */
  private record Menu(Map<String, String> items, List<String> active) {}

  private static Menu menu(String html) {
    Matcher nav = SIDEBAR.matcher(html);
    Map<String, String> items = new LinkedHashMap<>();
    List<String> active = new ArrayList<>();
    if (nav.find()) {
      Matcher a = LINK.matcher(nav.group(1));
      while (a.find()) {
        items.put(text(a.group(4)), a.group(1));
        if (a.group(3) != null && a.group(3).contains("active")) {
          active.add(text(a.group(4)));
        }
      }
    }
    return new Menu(items, active);
  }

  /** What is wrong with the page's breadcrumb, h1 and title; empty when they agree. */
  private static List<String> disagreements(String page, String html) {
    List<String> problems = new ArrayList<>();
    int breadcrumbs = html.split("data-test=\"breadcrumb\"", -1).length - 1;
    if (breadcrumbs != 1) {
      problems.add(page + ": " + breadcrumbs + " breadcrumbs");
      return problems;
    }
    int start = html.indexOf("data-test=\"breadcrumb\"");
    String nav = html.substring(start, html.indexOf("</nav>", start));
    List<String> crumbs = new ArrayList<>();
    Matcher c = CRUMB.matcher(nav);
    while (c.find()) {
      crumbs.add(text(c.group(1)));
    }
    List<String> h1s = new ArrayList<>();
    Matcher h = H1.matcher(html);
    while (h.find()) {
      h1s.add(text(h.group(1)));
    }
    Matcher t = TITLE.matcher(html);
    String title = t.find() ? text(t.group(1)) : "";
    if (h1s.size() != 1) {
      problems.add(page + ": " + h1s.size() + " h1 " + h1s);
      return problems;
    }
    String h1 = h1s.get(0);
    if (crumbs.isEmpty() || !crumbs.get(crumbs.size() - 1).equals(h1)) {
      problems.add(page + ": breadcrumb " + crumbs + " does not end with the h1 '" + h1 + "'");
    }
    if (!title.equals(h1 + SHORT)) {
      problems.add(page + ": title '" + title + "' is not '" + h1 + SHORT + "'");
    }
    return problems;
  }

  private List<String> walkTheMenu(WebSession web) {
    String home = body(web.get("/"));
    List<String> problems = new ArrayList<>(disagreements("/", home));
    Menu menu = menu(home);
    assertThat(menu.items()).as("the menu").isNotEmpty();
    menu.items()
        .forEach(
            (label, path) -> {
              MvcTestResult result = web.get(path);
              if (result.getResponse().getStatus() != 200) {
                problems.add(path + ": status " + result.getResponse().getStatus());
                return;
              }
              String html = body(result);
              problems.addAll(disagreements(path, html));
              List<String> active = menu(html).active();
              if (!active.equals(List.of(label))) {
                problems.add(path + ": active menu items " + active + ", not [" + label + "]");
              }
            });
    return problems;
  }

  @Test
  void everyMenuPageOfEveryRoleHasOneBreadcrumbEndingWithItsH1AndItsTitle() {
    List<String> problems = new ArrayList<>();
    problems.addAll(walkTheMenu(as("MEMBER", "440300010002")));
    problems.addAll(walkTheMenu(as("FIRM", "44030001")));
    problems.addAll(walkTheMenu(as("STAFF", "sz-staff")));
    problems.addAll(walkTheMenu(as("STAFF", "admin")));
    assertThat(problems).isEmpty();
  }

  @Test
  void everyPageBeforeSignInHasOneBreadcrumbEndingWithItsH1AndItsTitle() {
    WebSession anonymous = new WebSession(mvc);
    List<String> problems = new ArrayList<>();
    for (String path :
        List.of(
            "/login",
            "/password/forgot",
            "/password/reset?token=not-a-token",
            "/password/manual",
            "/password/manual/status",
            "/password/manual/status?number=NOSUCHNUMBER",
            "/help",
            "/verify")) {
      MvcTestResult result = anonymous.get(path);
      // An unknown tracking number answers 404 with the status page and its message.
      assertThat(result.getResponse().getStatus())
          .as(path)
          .isEqualTo(path.contains("NOSUCH") ? 404 : 200);
      problems.addAll(disagreements(path, body(result)));
    }
    assertThat(problems).isEmpty();
    // Each leads back to the sign-in page (the first crumb), except the sign-in page itself.
    assertThat(body(anonymous.get("/password/forgot")))
        .contains("<a href=\"/login\" data-test=\"crumb\">登录</a>");
  }

  private static final Pattern HOME_DO =
      Pattern.compile("<a href=\"([^\"]+)\" data-test=\"home-do-link\">([^<]*)</a>");

  /** The home page's "常用功能": label → path. */
  private static Map<String, String> homeDo(String html) {
    Map<String, String> items = new LinkedHashMap<>();
    Matcher m = HOME_DO.matcher(html);
    while (m.find()) {
      items.put(text(m.group(2)), m.group(1));
    }
    return items;
  }

  @Test
  void eachHomeNamesExactlyWhatItsRolesMenuOffers() {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    for (String[] who :
        List.of(
            new String[] {"MEMBER", "440300010002"},
            new String[] {"FIRM", "44030001"},
            new String[] {"STAFF", "sz-staff"},
            new String[] {"STAFF", "admin"})) {
      String home = body(as(who[0], who[1]).get("/"));
      Map<String, String> menu = new LinkedHashMap<>(menu(home).items());
      menu.remove("首页");
      assertThat(homeDo(home)).as(who[1]).containsExactlyEntriesOf(menu);
      sizes.put(who[1], menu.size());
      // Nothing promised that no page offers (issue 15).
      assertThat(home).doesNotContain("查询本所人员的培训情况", "管理协会、工作人员账号");
    }
    assertThat(sizes.values()).allMatch(n -> n >= 8);
  }

  @Test
  void theStaffHomeShowsTheWorkWaiting() {
    String home = body(as("STAFF", "sz-staff").get("/"));
    assertThat(home)
        .contains("data-test=\"dashboard\"", "data-test=\"card-pending\"", "待确认的报名")
        .contains("data-test=\"pending-count\"")
        .contains(
            "href=\"/manage/password-resets\"", "data-test=\"card-password-reset-applications\"")
        .contains("href=\"/manage/claims?status=PENDING\"", "data-test=\"card-claims\"");
    String member = body(as("MEMBER", "440300010002").get("/"));
    assertThat(member).doesNotContain("data-test=\"dashboard\"", "data-test=\"card-pending\"");
  }
}
