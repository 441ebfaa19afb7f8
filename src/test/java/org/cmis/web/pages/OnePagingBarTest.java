package org.cmis.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One paging bar (issue 15): every template that pages a list does it through {@code
 * fragments/paging.html} ({@code paging} or, inside a page's own form, {@code pagingForm}); none
 * builds a bar of its own.
 */
class OnePagingBarTest {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");

  /** Signs of a hand-made pager: page numbers, page links, prev / next buttons, a pager nav. */
  private static final List<Pattern> HAND_MADE =
      List.of(
          Pattern.compile("class=\"pager[\" ]"),
          Pattern.compile("\\.pages\\(\\)"),
          Pattern.compile("page=\\$\\{"),
          Pattern.compile("[?&(]page="),
          Pattern.compile("name=\"(goto|jumpTo)\""),
          Pattern.compile("type=\"(number|text)\" name=\"page\""),
          Pattern.compile("#\\{common\\.(prev|next)\\}"),
          Pattern.compile("rel=\"(prev|next)\""));

  /** The list pages of every role's menu and their sub-lists: each must show the bar. */
  private static final List<String> LIST_PAGES =
      List.of(
          "training/catalog/list.html",
          "training/catalog/manage.html",
          "training/catalog/detail.html",
          "training/noshow/list.html",
          "training/confirmation/registrations.html",
          "training/notice/list.html",
          "training/registration/bulk.html",
          "supervision/batches.html",
          "supervision/events.html",
          "profile/profile.html",
          "roster/people.html",
          "claims/list.html",
          "claims/queue.html",
          "credits/statement/people.html",
          "reset/queue.html",
          "admin/staff.html",
          "notification/messages.html",
          "audit/audit.html");

  private static Map<String, String> templates() throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        all.put(TEMPLATES.relativize(f).toString().replace('\\', '/'), Files.readString(f));
      }
    }
    return all;
  }

  private static boolean usesFragment(String html) {
    return html.contains("fragments/paging :: paging(")
        || html.contains("fragments/paging :: pagingForm(");
  }

  @Test
  void noTemplateBuildsItsOwnPagingBar() throws IOException {
    List<String> handMade = new ArrayList<>();
    templates()
        .forEach(
            (name, html) -> {
              if (name.equals("fragments/paging.html")) {
                return;
              }
              for (Pattern sign : HAND_MADE) {
                if (sign.matcher(html).find()) {
                  handMade.add(name + " (" + sign.pattern() + ")");
                }
              }
            });
    assertThat(handMade).as("templates with a paging bar of their own").isEmpty();
  }

  @Test
  void everyListPageShowsTheOneBar() throws IOException {
    Map<String, String> all = templates();
    List<String> without =
        LIST_PAGES.stream().filter(name -> !usesFragment(all.getOrDefault(name, ""))).toList();
    assertThat(without).as("list pages without fragments/paging").isEmpty();
  }

  @Test
  void theBarKeepsTheCappedTotal() throws IOException {
    String bar = templates().get("fragments/paging.html");
    // ADR 0042: a capped total reads "共 10000+ 条"; both variants say so.
    assertThat(Pattern.compile("common\\.totalCapped").matcher(bar).results().count()).isEqualTo(2);
  }
}
