package org.cmis.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of a query string and an {@code application/x-www-form-urlencoded} body, decoded
 * as Tomcat does (query first, {@code +} is a space) but refusing what does not decode.
 */
final class FormParameters {

  /** Tomcat's default {@code maxParameterCount}. */
  static final int MAX_PARAMETERS = 1000;

  /** A query or body that is not well-formed: the request is answered 400. */
  static final class Malformed extends Exception {
    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  private FormParameters() {}

  static Map<String, String[]> parse(
      @Nullable String query, Charset queryCharset, byte[] body, Charset bodyCharset)
      throws Malformed {
    Map<String, List<String>> values = new LinkedHashMap<>();
    int[] count = {0};
    if (query != null) {
      add(
          query.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
          queryCharset,
          values,
          count);
    }
    add(body, bodyCharset, values, count);
    Map<String, String[]> result = new LinkedHashMap<>();
    values.forEach((name, list) -> result.put(name, list.toArray(String[]::new)));
    if (!acceptable(result)) {
      throw new Malformed("a NUL character");
    }
    return result;
  }

  /** No NUL character (nor a lone surrogate) in any name or value. */
  static boolean acceptable(Map<String, String[]> parameters) {
    for (Map.Entry<String, String[]> e : parameters.entrySet()) {
      if (!TextCheck.acceptable(e.getKey())) {
        return false;
      }
      for (String value : e.getValue()) {
        if (value != null && !TextCheck.acceptable(value)) {
          return false;
        }
      }
    }
    return true;
  }

  private static void add(
      byte[] bytes, Charset charset, Map<String, List<String>> values, int[] count)
      throws Malformed {
    int start = 0;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '&') {
        end++;
      }
      if (end > start) {
        int eq = start;
        while (eq < end && bytes[eq] != '=') {
          eq++;
        }
        String name = decode(bytes, start, eq, charset);
        String value = eq < end ? decode(bytes, eq + 1, end, charset) : "";
        if (!name.isEmpty()) {
          if (++count[0] > MAX_PARAMETERS) {
            throw new Malformed("too many parameters");
          }
          values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
      }
      start = end + 1;
    }
  }

  private static String decode(byte[] bytes, int from, int to, Charset charset) throws Malformed {
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b == '+') {
        out.write(' ');
      } else if (b == '%') {
        if (i + 2 >= to) {
          throw new Malformed("incomplete escape");
        }
        int high = Character.digit(bytes[i + 1], 16);
        int low = Character.digit(bytes[i + 2], 16);
        if (high < 0 || low < 0) {
          throw new Malformed("invalid escape");
        }
        out.write(high * 16 + low);
        i += 2;
      } else {
        out.write(b);
      }
    }
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new Malformed("text that does not decode");
    }
  }
}
