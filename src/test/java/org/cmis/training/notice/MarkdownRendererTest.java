package org.cmis.training.notice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Notice bodies are Markdown made safe: nothing a visitor's browser would run survives. */
class MarkdownRendererTest {

  @Test
  void keepsHeadingsListsEmphasisAndLinks() {
    String html =
        MarkdownRenderer.render(
            """
            # 关于举办培训班的通知

            ## 报名方式

            - 登录系统
            - 选择**培训班**并报名

            1. 第一步
            2. 第二步

            > 请按时参加

            详见[中注协网站](https://www.cicpa.org.cn/)，或致信 [我们](mailto:px@example.cn)。

            `代码`
            """);
    assertThat(html)
        .contains("<h1>关于举办培训班的通知</h1>", "<h2>报名方式</h2>")
        .contains("<ul>", "<li>登录系统</li>", "<strong>培训班</strong>")
        .contains("<ol>", "<li>第一步</li>")
        .contains("<blockquote>", "<code>代码</code>")
        .contains("href=\"https://www.cicpa.org.cn/\"", "href=\"mailto:px&#64;example.cn\"")
        .contains("rel=\"nofollow noopener\"");
  }

  @Test
  void dropsScriptTagsAndRawHtmlBlocks() {
    String html =
        MarkdownRenderer.render(
            """
            正文开始

            <script>alert('x')</script>

            <div style="position:fixed" onclick="steal()">假冒的登录框</div>

            <iframe src="https://evil.example/"></iframe>

            行内 <b onmouseover="steal()">加粗</b> <script>alert(2)</script> 结束
            """);
    assertThat(html)
        .contains("正文开始", "结束")
        .doesNotContainIgnoringCase("<script")
        .doesNotContain("alert('x')", "<div", "style", "onclick", "onmouseover", "<iframe", "evil")
        .doesNotContain("<b");
  }

  @Test
  void dropsJavascriptAndOtherDangerousLinks() {
    String html =
        MarkdownRenderer.render(
            "[点我](javascript:alert(1)) [数据](data:text/html;base64,PHNjcmlwdD4=)"
                + " [脚本](JaVaScRiPt:alert(2)) <javascript:alert(3)> [好](http://ok.example/)");
    assertThat(html)
        .doesNotContainPattern("(?i)href=\"\\s*(javascript|data):")
        .doesNotContain("href=\"\"")
        .contains("点我", "href=\"http://ok.example/\"");
  }

  @Test
  void dropsEventHandlersAndForeignImages() {
    String html =
        MarkdownRenderer.render(
            "<img src=x onerror=alert(1)>\n\n![外部图片](https://evil.example/track.png)\n\n"
                + "![本站图片](/images/logo.png)");
    assertThat(html)
        .doesNotContain("onerror", "alert", "evil.example")
        .contains("src=\"/images/logo.png\"");
  }

  @Test
  void theSanitiserAloneRefusesWhatMarkdownCannotProduce() {
    String html =
        MarkdownRenderer.sanitize(
            "<p style=\"color:red\" onclick=\"x()\">文字</p><img src=\"//evil.example/a.png\""
                + " onerror=\"alert(1)\"><a href=\"https://ok.example/\" target=\"_blank\""
                + " onmouseover=\"x()\">链接</a><style>body{}</style><form action=\"/x\">"
                + "<input name=\"p\"></form><table><tr><td>单元格</td></tr></table>");
    assertThat(html)
        .contains("<p>文字</p>", "<td>单元格</td>", "href=\"https://ok.example/\"")
        .contains("nofollow", "noopener")
        .doesNotContain("style", "onclick", "onerror", "onmouseover", "evil", "<form", "<input");
  }
}
