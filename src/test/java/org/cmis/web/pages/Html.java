package org.cmis.web.pages;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Reads the few things these tests look for in a rendered page, without an HTML parser. */
final class Html {

  private static final Pattern TAG =
      Pattern.compile("<(span|a|nav|h1|title|input|textarea|select)\\b([^>]*)>");
  private static final Pattern ATTR = Pattern.compile("([\\w:-]+)=\"([^\"]*)\"");

  private Html() {}

  static String body(MvcTestResult result) {
    try {
      return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The value of an attribute of an opening tag's attribute text, or null. */
  static String attr(String attributes, String name) {
    Matcher m = ATTR.matcher(attributes);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return m.group(2);
      }
    }
    return null;
  }

  /** One element: its tag name, its attributes and its text (up to the next tag). */
  record Element(String name, String attributes, String text) {
    String attr(String attribute) {
      return Html.attr(attributes, attribute);
    }

    String cssClass() {
      String c = attr("class");
      return c == null ? "" : c;
    }
  }

  /** Every element whose data-test is the given name. */
  static List<Element> byTest(String html, String test) {
    List<Element> found = new ArrayList<>();
    for (Element e : elements(html)) {
      if (test.equals(e.attr("data-test"))) {
        found.add(e);
      }
    }
    return found;
  }

  static List<Element> elements(String html) {
    List<Element> found = new ArrayList<>();
    Matcher m = TAG.matcher(html);
    while (m.find()) {
      int end = html.indexOf('<', m.end());
      String text = end < 0 ? "" : html.substring(m.end(), end);
      found.add(new Element(m.group(1), m.group(2), unescape(text.trim())));
    }
    return found;
  }

  /** The text of the first element of that name, tags inside it removed. */
  static String textOf(String html, String name) {
    Matcher m =
        Pattern.compile("<" + name + "\\b[^>]*>(.*?)</" + name + ">", Pattern.DOTALL).matcher(html);
    return m.find()
        ? unescape(m.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").trim())
        : null;
  }

  /** How many times the text occurs. */
  static int count(String html, String text) {
    int n = 0;
    for (int i = html.indexOf(text); i >= 0; i = html.indexOf(text, i + text.length())) {
      n++;
    }
    return n;
  }

  /** The breadcrumb's crumbs, in order. */
  static List<String> crumbs(String html) {
    int start = html.indexOf("data-test=\"breadcrumb\"");
    if (start < 0) {
      return List.of();
    }
    int end = html.indexOf("</nav>", start);
    return byTest(html.substring(start, end), "crumb").stream().map(Element::text).toList();
  }

  static String unescape(String text) {
    return text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
