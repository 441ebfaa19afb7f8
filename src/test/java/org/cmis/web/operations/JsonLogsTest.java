package org.cmis.web.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code logging.structured.format.console=ecs} makes the console log JSON lines (ADR 0033). Run in
 * a JVM of its own, so that the test run's logging stays as it is.
 */
class JsonLogsTest {

  @Test
  void thePropertyMakesEveryConsoleLineAJsonObject() throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath(),
                Probe.class.getName(),
                "--logging.structured.format.console=ecs")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    List<String> probe = out.lines().filter(l -> l.contains("json-logs-probe")).toList();
    assertThat(probe).as(out).hasSize(1);
    JsonNode line = JsonMapper.shared().readTree(probe.get(0));
    assertThat(line.path("message").asString()).isEqualTo("json-logs-probe 报名");
    assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
    assertThat(line.has("@timestamp")).isTrue();
  }

  @Test
  void withoutItTheConsoleIsPlainText() throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath(),
                Probe.class.getName())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    List<String> probe = out.lines().filter(l -> l.contains("json-logs-probe")).toList();
    assertThat(probe).as(out).hasSize(1);
    assertThat(probe.get(0)).doesNotStartWith("{");
  }

  /** A Spring application of nothing but Boot's logging, which logs one line and ends. */
  @Configuration(proxyBeanMethods = false)
  static class Probe {
    public static void main(String[] args) {
      try (var context =
          new SpringApplicationBuilder(Probe.class)
              .web(WebApplicationType.NONE)
              .properties("spring.main.banner-mode=off")
              .run(args)) {
        LoggerFactory.getLogger(Probe.class).info("json-logs-probe 报名");
      }
    }
  }

  /** The test class path; surefire may hand it over in a manifest-only jar. */
  static String classPath() throws Exception {
    String cp = System.getProperty("java.class.path");
    List<String> entries = new ArrayList<>(List.of(cp.split(File.pathSeparator)));
    for (String entry : List.copyOf(entries)) {
      if (entry.contains("surefirebooter") && entry.endsWith(".jar")) {
        try (var jar = new java.util.jar.JarFile(entry)) {
          String manifest = jar.getManifest().getMainAttributes().getValue("Class-Path");
          if (manifest != null) {
            for (String url : manifest.split(" ")) {
              if (!url.isBlank()) {
                entries.add(Path.of(URI.create(url)).toString());
              }
            }
          }
        }
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
