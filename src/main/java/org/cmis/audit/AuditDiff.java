package org.cmis.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The change an audit entry records (ADR 0035): for states stored as JSON objects, the fields whose
 * value differs between before and after (nested objects flattened to {@code entry.hours}); for the
 * plain text of older entries, that text as it is.
 */
final class AuditDiff {

  /** One changed field; a value is null where the field was absent or null. */
  record Field(String key, @Nullable Object before, @Nullable Object after) {}

  /**
   * What the page shows: the changed fields when both states are JSON (or absent), else the old
   * text of each side.
   */
  record Result(
      boolean structured,
      List<Field> fields,
      @Nullable String textBefore,
      @Nullable String textAfter) {

    boolean empty() {
      return structured ? fields.isEmpty() : textBefore == null && textAfter == null;
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private AuditDiff() {}

  static Result of(@Nullable String before, @Nullable String after) {
    Map<String, @Nullable Object> b = before == null ? Map.of() : object(before);
    Map<String, @Nullable Object> a = after == null ? Map.of() : object(after);
    if ((before != null && b == null) || (after != null && a == null)) {
      return new Result(false, List.of(), blankToNull(before), blankToNull(after));
    }
    Map<String, @Nullable Object> flatBefore = flat(b);
    Map<String, @Nullable Object> flatAfter = flat(a);
    Set<String> keys = new LinkedHashSet<>(flatAfter.keySet());
    keys.addAll(flatBefore.keySet());
    List<Field> fields = new ArrayList<>();
    for (String key : keys) {
      Object was = flatBefore.get(key);
      Object now = flatAfter.get(key);
      if (!same(was, now)) {
        fields.add(new Field(key, was, now));
      }
    }
    return new Result(true, fields, null, null);
  }

  /** The text as a JSON object's fields, or null when it is not one (older entries). */
  @SuppressWarnings("unchecked")
  private static @Nullable Map<String, @Nullable Object> object(String text) {
    String trimmed = text.strip();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    try {
      return JSON.readValue(trimmed, LinkedHashMap.class);
    } catch (JacksonException e) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> flat(Map<String, @Nullable Object> map) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> {
          if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
            flat((Map<String, @Nullable Object>) nested)
                .forEach((k, v) -> out.put(key + "." + k, v));
          } else {
            out.put(key, value);
          }
        });
    return out;
  }

  /** Equal values; numbers by value (24 and 24.0), null and "" alike. */
  private static boolean same(@Nullable Object a, @Nullable Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    return Objects.equals(emptyToNull(a), emptyToNull(b));
  }

  private static @Nullable Object emptyToNull(@Nullable Object value) {
    return value instanceof String s && s.isEmpty() ? null : value;
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
