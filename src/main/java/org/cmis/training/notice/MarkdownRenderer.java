package org.cmis.training.notice;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns a notice's Markdown into HTML that is safe to put in a page: raw HTML in the Markdown is
 * dropped, and the rendered HTML then passes an allow-list sanitiser (headings, paragraphs, lists,
 * emphasis, links, tables, quotes, code; same-origin images only; no scripts, styles or event
 * handlers; links only to http, https and mailto, with rel="nofollow noopener").
 */
final class MarkdownRenderer {

  private static final Parser PARSER = Parser.builder().build();

  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().escapeHtml(false).softbreak("\n").build();

  /** A path on this site: starts with one slash, not two (which would be another host). */
  private static final Pattern SAME_ORIGIN_PATH = Pattern.compile("^/(?![/\\\\])[^\\s\"'<>]*$");

  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "h1",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "p",
              "br",
              "hr",
              "ul",
              "ol",
              "li",
              "em",
              "strong",
              "b",
              "i",
              "del",
              "s",
              "blockquote",
              "pre",
              "code",
              "table",
              "thead",
              "tbody",
              "tr",
              "th",
              "td",
              "a",
              "img")
          .allowAttributes("href", "title")
          .onElements("a")
          .allowUrlProtocols("http", "https", "mailto")
          .requireRelsOnLinks("nofollow", "noopener")
          .allowAttributes("src")
          .matching(SAME_ORIGIN_PATH)
          .onElements("img")
          .allowAttributes("alt", "title")
          .onElements("img")
          .allowAttributes("start")
          .matching(Pattern.compile("[0-9]{1,6}"))
          .onElements("ol")
          .allowAttributes("class")
          .matching(Pattern.compile("language-[A-Za-z0-9_+-]{1,40}"))
          .onElements("code")
          .allowAttributes("align")
          .matching(true, "left", "right", "center")
          .onElements("th", "td")
          .toFactory();

  private MarkdownRenderer() {}

  /** The sanitised HTML of a Markdown text. */
  static String render(String markdown) {
    Node document = PARSER.parse(markdown);
    List<Node> raw = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(HtmlBlock htmlBlock) {
            raw.add(htmlBlock);
          }

          @Override
          public void visit(HtmlInline htmlInline) {
            raw.add(htmlInline);
          }
        });
    raw.forEach(Node::unlink);
    return sanitize(RENDERER.render(document));
  }

  /** HTML reduced to the allowed elements and attributes. */
  static String sanitize(String html) {
    return POLICY.sanitize(html);
  }
}
