package org.cmis.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The action codes the audit log knows, in the order of the audit bundle (one {@code
 * audit.action.*} label each): the choices of the page's 操作 filter. The bundle is the one list;
 * AuditActionsTest checks that every code a module writes is in it.
 */
final class AuditActions {

  private static final String BUNDLE = "i18n/audit_zh_CN.properties";
  private static final String PREFIX = "audit.action.";

  static final List<String> CODES = read();

  private AuditActions() {}

  private static List<String> read() {
    List<String> codes = new ArrayList<>();
    try (InputStream in = AuditActions.class.getClassLoader().getResourceAsStream(BUNDLE)) {
      if (in == null) {
        return List.of();
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith(PREFIX) && line.contains("=")) {
          codes.add(line.substring(PREFIX.length(), line.indexOf('=')).trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(codes);
  }
}
