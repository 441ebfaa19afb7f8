package org.cmis.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (the WebJar {@code org.webjars.npm:axe-core}, test scope) run in the page a Selenium
 * driver shows: {@link #run(WebDriver)} injects {@code axe.min.js} from the classpath when the page
 * does not have it yet, runs {@code axe.run} on the whole document and answers its violations.
 */
public final class Axe {

  /** The impacts that fail a page (ADR 0034): moderate and minor are reported, not failed. */
  public static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

  private static final String WEBJAR = "META-INF/resources/webjars/axe-core/";
  private static volatile String source;

  /** One node of a violation: its CSS selector path and axe's summary of what fails. */
  public record Node(List<String> target, String failureSummary) {}

  /** One rule that fails on the page, with the nodes it fails on. */
  public record Violation(String id, String impact, String help, String helpUrl, List<Node> nodes) {

    public boolean failing() {
      return FAILING_IMPACTS.contains(impact);
    }

    /** {@code color-contrast (serious): help — selector; selector}, one line. */
    public String describe() {
      StringBuilder line =
          new StringBuilder(id).append(" (").append(impact).append("): ").append(help);
      for (Node node : nodes) {
        line.append("\n      ").append(String.join(" ", node.target()));
        if (node.failureSummary() != null && !node.failureSummary().isBlank()) {
          line.append("  — ")
              .append(
                  node.failureSummary()
                      .replaceAll("\\s+", " ")
                      .replace("Fix any of the following: ", ""));
        }
      }
      return line.toString();
    }
  }

  private Axe() {}

  /** Runs axe-core on the driver's current page and answers every violation it finds. */
  public static List<Violation> run(WebDriver driver) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
      js.executeScript(source());
    }
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    Object answer =
        js.executeAsyncScript(
            """
            var done = arguments[arguments.length - 1];
            window.axe.run(document, { resultTypes: ['violations'] }).then(function (r) {
              done(r.violations.map(function (v) {
                return { id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
                  nodes: v.nodes.map(function (n) {
                    return { target: n.target.map(String), summary: n.failureSummary || '' };
                  }) };
              }));
            }, function (e) { done({ error: String(e) }); });
            """);
    if (answer instanceof Map<?, ?> error) {
      throw new IllegalStateException("axe.run failed: " + error.get("error"));
    }
    List<Violation> violations = new ArrayList<>();
    for (Object item : (List<?>) answer) {
      Map<?, ?> v = (Map<?, ?>) item;
      List<Node> nodes = new ArrayList<>();
      for (Object n : (List<?>) v.get("nodes")) {
        Map<?, ?> node = (Map<?, ?>) n;
        List<String> target = ((List<?>) node.get("target")).stream().map(String::valueOf).toList();
        nodes.add(new Node(target, String.valueOf(node.get("summary"))));
      }
      violations.add(
          new Violation(
              String.valueOf(v.get("id")),
              String.valueOf(v.get("impact")),
              String.valueOf(v.get("help")),
              String.valueOf(v.get("helpUrl")),
              nodes));
    }
    return violations;
  }

  /** Only the serious and critical violations. */
  public static List<Violation> failing(WebDriver driver) {
    return run(driver).stream().filter(Violation::failing).toList();
  }

  private static String source() {
    String loaded = source;
    if (loaded == null) {
      loaded = read(WEBJAR + version() + "/axe.min.js");
      source = loaded;
    }
    return loaded;
  }

  private static String version() {
    Properties pom = new Properties();
    try (InputStream in = resource("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
      pom.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pom.getProperty("version");
  }

  private static String read(String name) {
    try (InputStream in = resource(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = Axe.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(
          name + " is not on the test classpath: add org.webjars.npm:axe-core (test scope)");
    }
    return in;
  }
}
