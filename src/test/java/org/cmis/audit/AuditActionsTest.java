package org.cmis.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cmis.shared.ErrorCode;
import org.junit.jupiter.api.Test;

/**
 * Every action code a module writes to the audit log has a label in Chinese and English (the 操作
 * column and filter of /admin/audit, ADR 0035). The codes are found in the sources of the classes
 * that publish AuditEvents; the codes built at run time are listed here.
 */
class AuditActionsTest {

  /** Built as a prefix plus a state: registration statuses, attendance, a claim's decision. */
  private static final List<String> BUILT =
      List.of(
          "REGISTRATION_PENDING",
          "REGISTRATION_CONFIRMED",
          "REGISTRATION_REJECTED",
          "REGISTRATION_CANCELLED",
          "REGISTRATION_WAITLISTED",
          "REGISTRATION_ATTENDED",
          "REGISTRATION_ABSENT",
          "CLAIM_APPROVED",
          "CLAIM_PARTIAL");

  private static final Pattern LITERAL = Pattern.compile("\"([A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9])\"");

  @Test
  void everyWrittenActionHasALabelInBothLanguages() throws IOException {
    Set<String> written = new TreeSet<>(BUILT);
    Set<String> errorCodes = new TreeSet<>();
    Arrays.stream(ErrorCode.values()).forEach(c -> errorCodes.add(c.name()));
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        if (!source.contains("new AuditEvent(") || file.toString().contains("/audit/")) {
          continue;
        }
        Matcher m = LITERAL.matcher(source);
        while (m.find()) {
          if (!errorCodes.contains(m.group(1))) {
            written.add(m.group(1));
          }
        }
      }
    }
    assertThat(written).contains("SIGN_IN_FAILED", "CLASS_UPDATED", "CLAIM_REVERSED");
    Properties zh = load("i18n/audit_zh_CN.properties");
    Properties en = load("i18n/audit_en.properties");
    for (String code : written) {
      assertThat(zh.getProperty("audit.action." + code)).as("zh label of " + code).isNotBlank();
      assertThat(en.getProperty("audit.action." + code)).as("en label of " + code).isNotBlank();
    }
    assertThat(AuditActions.CODES).containsAll(written);
  }

  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (var in = AuditActionsTest.class.getClassLoader().getResourceAsStream(resource)) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return p;
  }
}
