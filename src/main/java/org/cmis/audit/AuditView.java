package org.cmis.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An audit entry as the administrator reads it (ADR 0035): the action and the entity in words, a
 * link to the entity's page where there is one, and the changed fields with their labels and values
 * in words. Links are paths only: audit knows the pages by address, it calls no module.
 */
@Component
class AuditView {

  /** One changed field in words. */
  record Change(String key, String label, String before, String after) {}

  /** One line of the page. */
  record Row(
      AuditEntry entry,
      String action,
      String entity,
      String entityId,
      @Nullable String link,
      boolean structured,
      List<Change> changes,
      @Nullable String textBefore,
      @Nullable String textAfter) {}

  /** The labels an entity type's own module has for its fields, tried before the others. */
  private static final Map<String, List<String>> ENTITY_PREFIXES =
      Map.of(
          "TrainingClass", List.of("classes.field."),
          "Claim", List.of("claims.field."),
          "ClaimType", List.of("claims.type.", "claims.field."),
          "ComplianceRule", List.of("compliance.field."),
          "Member", List.of("profile.field."));

  /** The field labels tried after {@code audit.field.*}, in this order; then the raw key. */
  private static final List<String> FIELD_PREFIXES =
      List.of(
          "audit.field.",
          "classes.field.",
          "claims.field.",
          "compliance.field.",
          "profile.field.",
          "roster.field.",
          "reset.field.");

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
  private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token|captcha).*");
  private static final int LONGEST = 300;
  static final String HIDDEN = "******";
  static final String NONE = "—";

  private final MessageSource texts;

  AuditView(MessageSource texts) {
    this.texts = texts;
  }

  Row row(AuditEntry e, Locale locale) {
    AuditDiff.Result diff = AuditDiff.of(e.before(), e.after());
    List<Change> changes = new ArrayList<>();
    for (AuditDiff.Field f : diff.fields()) {
      boolean secret = SECRET.matcher(f.key()).matches();
      changes.add(
          new Change(
              f.key(),
              fieldLabel(f.key(), e.entityType(), locale),
              secret && f.before() != null ? HIDDEN : value(f.key(), f.before(), locale),
              secret && f.after() != null ? HIDDEN : value(f.key(), f.after(), locale)));
    }
    return new Row(
        e,
        actionLabel(e.action(), locale),
        text("audit.entity." + e.entityType(), e.entityType(), locale),
        entityId(e.entityId(), locale),
        link(e.entityType(), e.entityId(), e.action()),
        diff.structured(),
        changes,
        cut(diff.textBefore()),
        cut(diff.textAfter()));
  }

  /** An id as shown: a sign-in's {@code STAFF:admin} as {@code admin（协会工作人员）}. */
  String entityId(String id, Locale locale) {
    int colon = id.indexOf(':');
    if (colon > 0) {
      String type = id.substring(0, colon);
      if (type.equals("STAFF") || type.equals("FIRM") || type.equals("MEMBER")) {
        String label = texts.getMessage("role." + type, null, null, locale);
        if (label != null) {
          return id.substring(colon + 1)
              + text("audit.idType", "（{0}）", locale).replace("{0}", label);
        }
      }
    }
    return id;
  }

  /** An action code's label, or the code where the bundle has none. */
  String actionLabel(String code, Locale locale) {
    return text("audit.action." + code, code, locale);
  }

  /** The page of an entity, or null where it has none (or no longer has one). */
  static @Nullable String link(String type, String id, String action) {
    String plain = id.contains(":") ? id.substring(id.indexOf(':') + 1) : id;
    if (!SAFE_ID.matcher(plain).matches()) {
      return null;
    }
    return switch (type) {
      case "TrainingClass" -> "/classes/" + plain;
      case "Notice" -> action.equals("NOTICE_DELETED") ? null : "/notices/" + plain;
      case "Registration" -> "/registrations/" + plain + "/receipt";
      case "Claim" -> "/claims/" + plain;
      case "PasswordResetApplication" -> "/manage/password-resets/" + plain;
      case "Member" -> "/members/" + plain;
      case "Institute" -> "/admin/institutes";
      case "Setting" -> "/admin/settings";
      case "ComplianceRule" -> "/admin/compliance-rules";
      case "ClaimType" -> "/admin/claim-types";
      case "HoursCertificate" -> "/verify/" + plain;
      case "Account" ->
          id.startsWith("MEMBER:")
              ? "/members/" + plain
              : action.startsWith("STAFF_") ? "/admin/staff" : null;
      default -> null;
    };
  }

  /**
   * {@code audit.field.<Type>.<key>}, {@code audit.field.<key>}, the entity's own module's labels,
   * then the other modules' field labels (a dotted key also by its last part), then the key.
   */
  String fieldLabel(String key, String entityType, Locale locale) {
    List<String> candidates = new ArrayList<>(List.of(key));
    int dot = key.lastIndexOf('.');
    if (dot >= 0) {
      candidates.add(key.substring(dot + 1));
    }
    List<String> prefixes = new ArrayList<>();
    prefixes.add("audit.field." + entityType + ".");
    prefixes.add("audit.field.");
    prefixes.addAll(ENTITY_PREFIXES.getOrDefault(entityType, List.of()));
    prefixes.addAll(FIELD_PREFIXES);
    for (String candidate : candidates) {
      for (String prefix : prefixes) {
        String label = texts.getMessage(prefix + candidate, null, null, locale);
        if (label != null) {
          return label;
        }
      }
    }
    return key;
  }

  /**
   * A value in words: yes/no, a code's label ({@code audit.value.<field>.<CODE>}, else {@code
   * audit.value.<CODE>}), a number without trailing zeros, a list joined.
   */
  String value(String key, @Nullable Object value, Locale locale) {
    if (value == null) {
      return NONE;
    }
    if (value instanceof Boolean b) {
      return text("audit.value." + b, b.toString(), locale);
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }
    if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        return NONE;
      }
      List<String> parts = new ArrayList<>();
      for (Object item : list) {
        parts.add(value(key, item, locale));
      }
      return cut(String.join(text("audit.separator", "、", locale), parts));
    }
    if (value instanceof Map<?, ?> map) {
      return map.isEmpty() ? NONE : cut(map.toString());
    }
    String s = value.toString();
    if (s.isEmpty()) {
      return NONE;
    }
    if (CODE.matcher(s).matches()) {
      String field = key.substring(key.lastIndexOf('.') + 1);
      return text("audit.value." + field + "." + s, text("audit.value." + s, s, locale), locale);
    }
    return cut(s);
  }

  private String text(String key, String fallback, Locale locale) {
    String found = texts.getMessage(key, null, null, locale);
    return found == null ? fallback : found;
  }

  private static @Nullable String cut(@Nullable String value) {
    if (value == null) {
      return null;
    }
    return value.length() > LONGEST ? value.substring(0, LONGEST) + "…" : value;
  }
}
